package com.consentry.authz.support;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.consentry.registry.FapiClientSettings;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Resource servers (the gateway's client) are not registered through the partner API; tests save one the
 * way an operator provisions it.
 */
public final class TestResourceServers {

	private TestResourceServers() {
	}

	public static FapiTestClient create(RegisteredClientRepository clients, URI issuer) {
		ECKey key = FapiTestClient.newKey("gateway");
		String clientId = "gateway-" + UUID.randomUUID();
		clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(Instant.now())
			.clientName("Resource gateway")
			.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
			// a grant it can never use (no refresh token is issued to it): it only introspects
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.clientSettings(ClientSettings.builder()
				.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256)
				.setting(FapiClientSettings.JWKS, new JWKSet(key.toPublicJWK()).toString())
				.setting(FapiClientSettings.RESOURCE_SERVER, true)
				.build())
			.build());
		return FapiTestClient.existing(issuer, clientId, key);
	}

}
