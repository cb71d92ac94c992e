package com.consentry.gateway.fdx;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every response echoes the request's {@code x-fapi-interaction-id} (FDX §3, FAPI 2.0),
 * errors included; one is made when the request has none, or one that is not a plain
 * token (it is logged and passed to the core, so it must not carry anything else).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InteractionIds extends OncePerRequestFilter {

	public static final String HEADER = "x-fapi-interaction-id";

	private static final String ATTRIBUTE = InteractionIds.class.getName();

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	/** The interaction id of this request. */
	public static String of(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return (id instanceof String value) ? value : "unknown";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getHeader(HEADER);
		if (id == null || !ACCEPTABLE.matcher(id).matches()) {
			id = UUID.randomUUID().toString();
		}
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		chain.doFilter(request, response);
	}

}
