package com.consentry.authz.introspection;

import java.text.ParseException;
import java.time.Instant;
import java.util.UUID;

import com.consentry.registry.FapiClientSettings;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Provisions the configured resource servers as clients at start-up (created, or updated
 * in place): marked as resource servers, authenticated by {@code private_key_jwt} with
 * their configured keys.
 */
@Component
final class ResourceServerClients implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(ResourceServerClients.class);

	private final ResourceServerProperties properties;

	private final RegisteredClientRepository clients;

	ResourceServerClients(ResourceServerProperties properties, RegisteredClientRepository clients) {
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clients, "clients cannot be null");
		this.properties = properties;
		this.clients = clients;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (ResourceServerProperties.ResourceServer resourceServer : this.properties.resourceServers()) {
			RegisteredClient existing = this.clients.findByClientId(resourceServer.clientId());
			if (existing != null && !FapiClientSettings.resourceServer(existing)) {
				throw new IllegalStateException("Client " + resourceServer.clientId()
						+ " exists and is not a resource server; choose another client-id");
			}
			ClientSettings.Builder settings = ClientSettings.builder()
				.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256)
				.setting(FapiClientSettings.RESOURCE_SERVER, true);
			if (resourceServer.jwksUri() != null && !resourceServer.jwksUri().isBlank()) {
				settings.jwkSetUrl(resourceServer.jwksUri());
			}
			else {
				settings.setting(FapiClientSettings.JWKS, publicKeys(resourceServer));
			}
			this.clients
				.save(RegisteredClient.withId((existing != null) ? existing.getId() : UUID.randomUUID().toString())
					.clientId(resourceServer.clientId())
					.clientIdIssuedAt((existing != null) ? existing.getClientIdIssuedAt() : Instant.now())
					.clientName("Resource server " + resourceServer.clientId())
					.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
					// a grant it can never use (no refresh token is ever issued to it):
					// it only introspects
					.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
					.clientSettings(settings.build())
					.build());
			logger.info("Resource server " + resourceServer.clientId() + " may introspect tokens");
		}
	}

	private static String publicKeys(ResourceServerProperties.ResourceServer resourceServer) {
		try {
			JWKSet keys = JWKSet.parse(resourceServer.jwks());
			Assert.isTrue(!keys.getKeys().isEmpty() && keys.getKeys().stream().noneMatch(JWK::isPrivate),
					"resource server " + resourceServer.clientId() + ": jwks must hold public keys only");
			return keys.toString();
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("resource server " + resourceServer.clientId() + ": jwks is not a JWKS",
					ex);
		}
	}

}
