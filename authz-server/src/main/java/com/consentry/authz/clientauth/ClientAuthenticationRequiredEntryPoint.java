package com.consentry.authz.clientauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a call to a client-authenticated endpoint (PAR, token, introspection,
 * revocation) that carries no client authentication at all: 401 {@code invalid_client} in
 * the RFC 6749 §5.2 format, as RFC 9126 §2.3 and FAPI 2.0 SP §5.3.2.2(4) require, instead
 * of an empty challenge.
 */
public final class ClientAuthenticationRequiredEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream()
			.write("{\"error\":\"invalid_client\",\"error_description\":\"client authentication (private_key_jwt) is required\"}"
				.getBytes(StandardCharsets.UTF_8));
	}

}
