package com.consentry.registry;

import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWKSet;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.Assert;

/**
 * Names and typed readers of the FAPI 2.0 client settings that Spring Authorization
 * Server's {@code ClientSettings} has no field for; registration writes them, the
 * authorization server reads them.
 *
 * @see <a href="https://openid.net/specs/fapi-security-profile-2_0-final.html">FAPI 2.0
 * Security Profile</a>
 * @see <a href="https://openid.net/specs/fapi-message-signing-2_0.html">FAPI 2.0 Message
 * Signing §5.3.3</a>
 */
public final class FapiClientSettings {

	/** The client's inline public JWKS ({@code jwks} metadata), as a JSON string. */
	public static final String JWKS = "settings.client.jwks";

	/**
	 * JARM signing algorithm ({@code authorization_signed_response_alg}), {@code ES256}
	 * or {@code PS256}.
	 */
	public static final String AUTHORIZATION_SIGNED_RESPONSE_ALG = "settings.client.authorization-signed-response-alg";

	/**
	 * The response modes the client may use ({@code response_modes}), space-separated.
	 */
	public static final String RESPONSE_MODES = "settings.client.response-modes";

	/**
	 * Whether access tokens must be DPoP-bound ({@code dpop_bound_access_tokens}, RFC
	 * 9449 §5.2).
	 */
	public static final String DPOP_BOUND_ACCESS_TOKENS = "settings.client.dpop-bound-access-tokens";

	/**
	 * The directory organisation the client belongs to ({@code org_id} of its software
	 * statement).
	 */
	public static final String ORG_ID = "settings.client.org-id";

	/**
	 * Where the partner takes signed consent events ({@code notification_uri} of its
	 * software statement): an absolute {@code https} URI.
	 */
	public static final String NOTIFICATION_URI = "settings.client.notification-uri";

	/**
	 * The trusted directory whose statement registered the client (its {@code iss}): its
	 * certificate authorities are the trust anchors of the client's
	 * {@code tls_client_auth} certificates.
	 */
	public static final String DIRECTORY = "settings.client.directory";

	/**
	 * Which certificate field a {@code tls_client_auth} client registered a name for, as
	 * its metadata member ({@code tls_client_auth_subject_dn}, {@code _san_dns}, …).
	 */
	public static final String TLS_CLIENT_AUTH_NAME_MEMBER = "settings.client.tls-client-auth-name-member";

	/** The name a {@code tls_client_auth} client registered for its certificate. */
	public static final String TLS_CLIENT_AUTH_NAME = "settings.client.tls-client-auth-name";

	/**
	 * Marks the resource gateway's own client (entitled to introspection, FAPI 2.0 MS
	 * §6.2); never set by registration.
	 */
	public static final String RESOURCE_SERVER = "settings.client.resource-server";

	private static final List<String> DEFAULT_RESPONSE_MODES = List.of(FapiPolicy.DEFAULT_RESPONSE_MODE);

	private FapiClientSettings() {
	}

	/**
	 * The client's inline JWKS, if it registered one (else its keys are at
	 * {@code ClientSettings.getJwkSetUrl()}).
	 * @throws IllegalStateException when the stored value is not a JWKS
	 */
	public static Optional<JWKSet> jwks(RegisteredClient client) {
		String json = setting(client, JWKS, String.class);
		if (json == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(JWKSet.parse(json));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored JWKS of client " + client.getClientId() + " is not a JWKS", ex);
		}
	}

	/** The JARM signing algorithm; {@code ES256} when none was registered. */
	public static SignatureAlgorithm authorizationSignedResponseAlg(RegisteredClient client) {
		String name = setting(client, AUTHORIZATION_SIGNED_RESPONSE_ALG, String.class);
		SignatureAlgorithm algorithm = (name != null) ? SignatureAlgorithm.from(name) : SignatureAlgorithm.ES256;
		Assert.state(algorithm != null, () -> "Unknown JARM algorithm of client " + client.getClientId());
		return algorithm;
	}

	/** The response modes the client registered; {@code ["jwt"]} when none were. */
	public static List<String> responseModes(RegisteredClient client) {
		String modes = setting(client, RESPONSE_MODES, String.class);
		if (modes == null || modes.isBlank()) {
			return DEFAULT_RESPONSE_MODES;
		}
		return Arrays.stream(modes.trim().split(" +")).toList();
	}

	/**
	 * Whether the client's access tokens must be DPoP-bound. Fails closed: only an
	 * explicit {@code false} (which registration writes for mTLS clients only, whose
	 * tokens are certificate-bound instead) says no.
	 */
	public static boolean dpopBoundAccessTokens(RegisteredClient client) {
		return !Boolean.FALSE.equals(setting(client, DPOP_BOUND_ACCESS_TOKENS, Boolean.class));
	}

	/**
	 * Whether the client's access and refresh tokens are bound to its TLS client
	 * certificate (RFC 8705 §3) instead of a DPoP key: set for the clients that
	 * authenticate with mTLS.
	 */
	public static boolean certificateBoundAccessTokens(RegisteredClient client) {
		Assert.notNull(client, "client cannot be null");
		return client.getTokenSettings().isX509CertificateBoundAccessTokens();
	}

	/**
	 * The name a {@code tls_client_auth} client registered for its certificate (RFC 8705
	 * §2.1.2); empty for other clients.
	 * @throws IllegalStateException when the stored member is unknown
	 */
	public static Optional<ClientCertificateName> clientCertificateName(RegisteredClient client) {
		String member = setting(client, TLS_CLIENT_AUTH_NAME_MEMBER, String.class);
		String name = setting(client, TLS_CLIENT_AUTH_NAME, String.class);
		if (member == null || name == null) {
			return Optional.empty();
		}
		ClientCertificateName.Kind kind = ClientCertificateName.Kind.ofMember(member)
			.orElseThrow(() -> new IllegalStateException(
					"Stored certificate name of client " + client.getClientId() + " is of no known kind"));
		return Optional.of(new ClientCertificateName(kind, name));
	}

	/**
	 * The issuer of the directory that registered the client; empty for clients not
	 * registered by a directory's statement.
	 */
	public static Optional<String> directory(RegisteredClient client) {
		return Optional.ofNullable(setting(client, DIRECTORY, String.class));
	}

	/**
	 * The directory organisation of a registered partner's client; empty for clients not
	 * registered by it.
	 */
	public static Optional<String> orgId(RegisteredClient client) {
		return Optional.ofNullable(setting(client, ORG_ID, String.class));
	}

	/**
	 * Where the partner takes signed consent events; empty when it registered no
	 * endpoint.
	 */
	public static Optional<String> notificationUri(RegisteredClient client) {
		return Optional.ofNullable(setting(client, NOTIFICATION_URI, String.class));
	}

	/** Whether this is the resource gateway's client. */
	public static boolean resourceServer(RegisteredClient client) {
		return Boolean.TRUE.equals(setting(client, RESOURCE_SERVER, Boolean.class));
	}

	private static <T> @Nullable T setting(RegisteredClient client, String name, Class<T> type) {
		Assert.notNull(client, "client cannot be null");
		Object value = client.getClientSettings().getSettings().get(name);
		if (value == null) {
			return null;
		}
		Assert.state(type.isInstance(value),
				() -> "Setting " + name + " of client " + client.getClientId() + " is not a " + type.getSimpleName());
		return type.cast(value);
	}

}
