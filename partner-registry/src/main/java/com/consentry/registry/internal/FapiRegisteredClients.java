package com.consentry.registry.internal;

import java.time.Duration;
import java.time.Instant;

import com.consentry.registry.ClientCertificateName;
import com.consentry.registry.FapiClientSettings;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.util.Assert;

/**
 * Turns validated client metadata into the Spring Authorization Server client a partner
 * gets: FAPI 2.0 settings throughout, whatever the metadata.
 *
 * @see FapiClientSettings
 */
final class FapiRegisteredClients {

	/** FAPI 2.0 SP §6.1: short-lived access tokens; FDX Security Model: at most 900 s. */
	static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(5);

	/** FAPI 2.0 SP §5.3.2.1(11): authorization codes live at most 60 s. */
	static final Duration AUTHORIZATION_CODE_TTL = Duration.ofSeconds(60);

	static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(90);

	private FapiRegisteredClients() {
	}

	/**
	 * @param directory the issuer of the directory whose statement registered the client
	 */
	static RegisteredClient of(ClientMetadata metadata, String id, String clientId, Instant issuedAt, String orgId,
			String directory) {
		Assert.notNull(metadata, "metadata cannot be null");
		Assert.hasText(id, "id cannot be empty");
		Assert.hasText(clientId, "clientId cannot be empty");
		Assert.notNull(issuedAt, "issuedAt cannot be null");
		Assert.hasText(orgId, "orgId cannot be empty");
		Assert.hasText(directory, "directory cannot be empty");
		return RegisteredClient.withId(id)
			.clientId(clientId)
			.clientIdIssuedAt(issuedAt)
			.clientName(metadata.clientName())
			.clientAuthenticationMethod(new ClientAuthenticationMethod(metadata.tokenEndpointAuthMethod()))
			.authorizationGrantTypes(
					(types) -> metadata.grantTypes().forEach((type) -> types.add(new AuthorizationGrantType(type))))
			.redirectUris((uris) -> uris.addAll(metadata.redirectUris()))
			.scopes((scopes) -> scopes.addAll(metadata.scopes()))
			.clientSettings(clientSettings(metadata, orgId, directory))
			.tokenSettings(tokenSettings(metadata.certificateBoundAccessTokens()))
			.build();
	}

	private static ClientSettings clientSettings(ClientMetadata metadata, String orgId, String directory) {
		ClientSettings.Builder settings = ClientSettings.builder()
			.requireProofKey(true)
			.requireAuthorizationConsent(true)
			.tokenEndpointAuthenticationSigningAlgorithm(algorithm(metadata.tokenEndpointAuthSigningAlg()))
			.setting(FapiClientSettings.AUTHORIZATION_SIGNED_RESPONSE_ALG, metadata.authorizationSignedResponseAlg())
			.setting(FapiClientSettings.RESPONSE_MODES, String.join(" ", metadata.responseModes()))
			.setting(FapiClientSettings.DPOP_BOUND_ACCESS_TOKENS, !metadata.certificateBoundAccessTokens())
			.setting(FapiClientSettings.ORG_ID, orgId)
			.setting(FapiClientSettings.DIRECTORY, directory);
		ClientCertificateName name = metadata.certificateName();
		if (name != null) {
			settings.setting(FapiClientSettings.TLS_CLIENT_AUTH_NAME_MEMBER, name.kind().member())
				.setting(FapiClientSettings.TLS_CLIENT_AUTH_NAME, name.value());
			if (name.kind() == ClientCertificateName.Kind.SUBJECT_DN) {
				settings.x509CertificateSubjectDN(name.value());
			}
		}
		if (metadata.jwksUri() != null) {
			settings.jwkSetUrl(metadata.jwksUri());
		}
		if (metadata.jwks() != null) {
			settings.setting(FapiClientSettings.JWKS, metadata.jwks().toString(true));
		}
		if (metadata.notificationUri() != null) {
			settings.setting(FapiClientSettings.NOTIFICATION_URI, metadata.notificationUri());
		}
		return settings.build();
	}

	private static TokenSettings tokenSettings(boolean certificateBound) {
		return TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(ACCESS_TOKEN_TTL)
			.authorizationCodeTimeToLive(AUTHORIZATION_CODE_TTL)
			.refreshTokenTimeToLive(REFRESH_TOKEN_TTL)
			// FDX Security Model requires refresh token rotation (FAPI 2.0 SP §5.3.2.1(9)
			// allows it).
			.reuseRefreshTokens(false)
			.idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
			// RFC 8705 §3: cnf x5t#S256 for the clients that authenticate with mTLS
			.x509CertificateBoundAccessTokens(certificateBound)
			.build();
	}

	private static SignatureAlgorithm algorithm(String name) {
		SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
		Assert.state(algorithm != null, () -> "Unknown algorithm " + name);
		return algorithm;
	}

}
