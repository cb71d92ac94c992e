package com.consentry.authz.admin;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every console request an id of its own, answered in {@code X-Request-Id} and kept
 * with each admin action the request records, so that a record leads back to the request
 * (and its logs). Always the server's own: an id a client sends is not taken.
 */
public final class ConsoleRequestId extends OncePerRequestFilter {

	/** The response header carrying the id. */
	public static final String HEADER = "X-Request-Id";

	private static final String ATTRIBUTE = ConsoleRequestId.class.getName();

	/** The id of {@code request}; a fresh one outside the console's filter chain. */
	public static String of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof String id) ? id : UUID.randomUUID().toString();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = UUID.randomUUID().toString();
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		chain.doFilter(request, response);
	}

}
