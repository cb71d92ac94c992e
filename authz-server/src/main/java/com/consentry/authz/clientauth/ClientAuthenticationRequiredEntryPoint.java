package com.consentry.authz.clientauth;

import java.io.IOException;

import com.consentry.authz.errors.OAuthErrorResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
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
		OAuthErrorResponse.write(response, HttpStatus.UNAUTHORIZED, OAuth2ErrorCodes.INVALID_CLIENT,
				"client authentication (private_key_jwt) is required");
	}

}
