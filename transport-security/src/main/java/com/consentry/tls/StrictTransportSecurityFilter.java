package com.consentry.tls;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Strict-Transport-Security} on every response of an https connection (RFC 6797
 * §7.2: never over plain http), set before anything else runs so that errors, redirects
 * and proxied answers carry it too. The header is this server's policy alone: what later
 * code or a proxied upstream (the gateway's routes) would add is dropped, so a response
 * never carries two; Spring Security's own HSTS writer leaves a header that is there.
 */
final class StrictTransportSecurityFilter extends OncePerRequestFilter {

	static final String HEADER = "Strict-Transport-Security";

	private final String value;

	StrictTransportSecurityFilter(String value) {
		this.value = value;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!request.isSecure()) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HEADER, this.value);
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setHeader(String name, String value) {
				if (!HEADER.equalsIgnoreCase(name)) {
					super.setHeader(name, value);
				}
			}

			@Override
			public void addHeader(String name, String value) {
				if (!HEADER.equalsIgnoreCase(name)) {
					super.addHeader(name, value);
				}
			}

		});
	}

}
