package com.consentry.sandbox.fdx;

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
 * not a plain identifier, which is never echoed back). The id used is kept as a request
 * attribute for the request log.
 */
public final class InteractionId extends OncePerRequestFilter {

	/** The header. */
	public static final String HEADER = "x-fapi-interaction-id";

	private static final String ATTRIBUTE = InteractionId.class.getName();

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	/** The interaction id of this request, as the response carries it. */
	public static String of(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return (id != null) ? id.toString() : "";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String sent = request.getHeader(HEADER);
		String id = (sent != null && PLAIN.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		chain.doFilter(request, response);
	}

}
