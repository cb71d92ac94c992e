package com.consentry.authz.metadata;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.consentry.consent.FdxAuthorizationDetails;
import com.consentry.registry.FapiPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.util.Assert;

/**
 * Rewrites Spring Authorization Server's metadata (both documents) to the FAPI 2.0
 * profile this server enforces: PAR required, {@code private_key_jwt} or mTLS,
 * PS256/ES256 only, DPoP- or certificate-bound tokens, JARM, RFC 9207 {@code iss}, FDX
 * authorization details. Nothing is advertised that the server would refuse.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8414#section-2">RFC 8414 §2</a>
 */
public final class ServerMetadata implements Consumer<Map<String, Object>> {

	private static final List<String> ALGORITHMS = FapiPolicy.SIGNING_ALGORITHMS;

	/** FAPI 2.0 SP §5.3.2.1(6): private_key_jwt and mTLS (RFC 8705 §2.1, §2.2). */
	private static final List<String> CLIENT_AUTH = List.of("private_key_jwt", "tls_client_auth",
			"self_signed_tls_client_auth");

	private final AuthorizationServerSettings settings;

	private final boolean plainResponsesAllowed;

	private final @Nullable String mtlsBaseUrl;

	/**
	 * @param settings the issuer and endpoints
	 * @param plainResponsesAllowed the bank's policy
	 * ({@code consentry.registry.allow-plain-responses}): only when it allows plain
	 * {@code query} responses are they advertised
	 * @param mtlsBaseUrl where the client-authenticated endpoints take client
	 * certificates, when not at the issuer ({@code consentry.mtls.endpoint-base-url})
	 */
	public ServerMetadata(AuthorizationServerSettings settings, boolean plainResponsesAllowed,
			@Nullable String mtlsBaseUrl) {
		Assert.notNull(settings, "settings cannot be null");
		this.settings = settings;
		this.plainResponsesAllowed = plainResponsesAllowed;
		this.mtlsBaseUrl = (mtlsBaseUrl == null || mtlsBaseUrl.isBlank()) ? null
				: mtlsBaseUrl.strip().replaceAll("/+$", "");
	}

	@Override
	public void accept(Map<String, Object> claims) {
		String issuer = this.settings.getIssuer();
		claims.put("token_endpoint_auth_methods_supported", CLIENT_AUTH);
		claims.put("token_endpoint_auth_signing_alg_values_supported", ALGORITHMS);
		claims.put("revocation_endpoint_auth_methods_supported", CLIENT_AUTH);
		claims.put("revocation_endpoint_auth_signing_alg_values_supported", ALGORITHMS);
		claims.put("introspection_endpoint_auth_methods_supported", CLIENT_AUTH);
		claims.put("introspection_endpoint_auth_signing_alg_values_supported", ALGORITHMS);
		claims.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
		claims.put("response_types_supported", List.of("code"));
		// JARM §4, FAPI 2.0 MS §5.4.1: signed responses; plain "query" (RFC 9207) only
		// where the bank allows it
		claims.put("response_modes_supported", FapiPolicy.responseModes(this.plainResponsesAllowed));
		claims.put("authorization_signing_alg_values_supported", ALGORITHMS);
		claims.put("code_challenge_methods_supported", List.of("S256"));
		// RFC 9126 §5
		claims.put("require_pushed_authorization_requests", true);
		// RFC 9207 §3
		claims.put("authorization_response_iss_parameter_supported", true);
		// RFC 9449 §5.1
		claims.put("dpop_signing_alg_values_supported", ALGORITHMS);
		// RFC 9396 §10
		claims.put("authorization_details_types_supported", List.of(FdxAuthorizationDetails.TYPE));
		claims.put("request_parameter_supported", false);
		claims.put("request_uri_parameter_supported", false);
		// RFC 8705 §3.3: mTLS clients' tokens are bound to their certificate
		claims.put("tls_client_certificate_bound_access_tokens", true);
		if (this.mtlsBaseUrl != null) {
			// RFC 8705 §5: where the endpoints that take client certificates live
			claims.put("mtls_endpoint_aliases", Map.of("token_endpoint",
					this.mtlsBaseUrl + this.settings.getTokenEndpoint(), "pushed_authorization_request_endpoint",
					this.mtlsBaseUrl + this.settings.getPushedAuthorizationRequestEndpoint(), "revocation_endpoint",
					this.mtlsBaseUrl + this.settings.getTokenRevocationEndpoint(), "introspection_endpoint",
					this.mtlsBaseUrl + this.settings.getTokenIntrospectionEndpoint()));
		}
		claims.put("registration_endpoint", issuer + "/register");
		claims.put("scopes_supported",
				List.of("openid", "offline_access", "fdx:accountbasic:read", "fdx:accountdetailed:read",
						"fdx:transactions:read", "fdx:statements:read", "fdx:customercontact:read",
						"fdx:customerpersonal:read", "fdx:paymentsupport:read", "fdx:investments:read"));
		if (claims.containsKey("id_token_signing_alg_values_supported")) {
			claims.put("id_token_signing_alg_values_supported", ALGORITHMS);
			claims.put("userinfo_signing_alg_values_supported", ALGORITHMS);
			claims.put("subject_types_supported", List.of("public"));
		}
		claims.remove("device_authorization_endpoint");
		claims.remove("client_registration_endpoint");
	}

}
