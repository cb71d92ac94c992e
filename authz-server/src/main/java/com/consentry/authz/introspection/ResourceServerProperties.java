package com.consentry.authz.introspection;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The resource servers (the bank's resource gateway) entitled to introspect tokens
 * ({@code consentry.introspection.resource-servers[n].*}, e.g.
 * {@code CONSENTRY_INTROSPECTION_RESOURCESERVERS_0_CLIENTID}). They authenticate with
 * {@code private_key_jwt} like partners, with the keys given here.
 */
@ConfigurationProperties("consentry.introspection")
public record ResourceServerProperties(@DefaultValue List<ResourceServer> resourceServers) {

	/**
	 * One resource server.
	 *
	 * @param clientId its client id
	 * @param jwks its public keys as a JWKS document, or
	 * @param jwksUri an {@code https} URL of them
	 */
	public record ResourceServer(String clientId, @Nullable String jwks, @Nullable String jwksUri) {

		public ResourceServer {
			Assert.hasText(clientId, "a resource server needs a client-id");
			Assert.isTrue((jwks != null && !jwks.isBlank()) != (jwksUri != null && !jwksUri.isBlank()),
					"resource server " + clientId + " needs exactly one of jwks and jwks-uri");
			Assert.isTrue(jwksUri == null || jwksUri.isBlank() || jwksUri.startsWith("https://"),
					"resource server " + clientId + ": jwks-uri must be https");
		}

	}

}
