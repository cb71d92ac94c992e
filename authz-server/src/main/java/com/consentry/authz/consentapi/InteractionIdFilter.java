package com.consentry.authz.consentapi;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * FDX §3: every response, errors included, echoes the request's
 * {@code x-fapi-interaction-id}; one is made when the request has none (or one that is
 * not a plain identifier, which is never echoed back).
 */
final class InteractionIdFilter extends OncePerRequestFilter {

	static final String HEADER = "x-fapi-interaction-id";

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getHeader(HEADER);
		response.setHeader(HEADER, (id != null && PLAIN.matcher(id).matches()) ? id : UUID.randomUUID().toString());
		chain.doFilter(request, response);
	}

}
