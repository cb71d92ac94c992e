package com.consentry.authz.consentapi;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.Assert;

/**
 * The partner calling the consent API: the {@code client_id} of its verified, DPoP-bound
 * access token. It may act on every consent granted to that client, not only the one its
 * token was issued under.
 */
final class ConsentApiCaller extends JwtAuthenticationToken {

	private final String clientId;

	ConsentApiCaller(Jwt jwt, String clientId) {
		super(jwt, List.of(), clientId);
		Assert.hasText(clientId, "clientId cannot be empty");
		this.clientId = clientId;
	}

	String clientId() {
		return this.clientId;
	}

}
