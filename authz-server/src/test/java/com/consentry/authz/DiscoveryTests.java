package com.consentry.authz;

import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery documents and the JWKS, read with Nimbus' metadata resolvers (which check the
 * issuer).
 */
class DiscoveryTests extends AuthorizationServerTest {

	@Test
	@DisplayName("RFC8414 §3, FAPI2 SP §5.3.2.1(1): both metadata documents advertise exactly the FAPI 2.0 profile")
	void metadataAdvertisesTheProfile() throws Exception {
		Map<String, Object> oauth = AuthorizationServerMetadata.resolve(new Issuer(ISSUER)).toJSONObject();
		Map<String, Object> oidc = OIDCProviderMetadata.resolve(new Issuer(ISSUER)).toJSONObject();
		for (Map<String, Object> metadata : List.of(oauth, oidc)) {
			assertThat(metadata.get("issuer")).isEqualTo(ISSUER.toString());
			assertThat(metadata.get("require_pushed_authorization_requests")).isEqualTo(true);
			assertThat(metadata.get("authorization_response_iss_parameter_supported")).isEqualTo(true);
			assertThat(strings(metadata.get("response_modes_supported"))).contains("jwt");
			assertThat(metadata.get("authorization_details_types_supported")).isEqualTo(List.of("fdx_v1.0"));
			assertThat(metadata.get("token_endpoint_auth_methods_supported"))
				.isEqualTo(List.of("private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth"));
			// RFC 8705 §3.3; the mTLS endpoints are the issuer's own here, so no aliases
			// (§5)
			assertThat(metadata.get("tls_client_certificate_bound_access_tokens")).isEqualTo(true);
			assertThat(metadata).doesNotContainKey("mtls_endpoint_aliases");
			assertThat(strings(metadata.get("dpop_signing_alg_values_supported"))).containsExactlyInAnyOrder("PS256",
					"ES256");
			assertThat(strings(metadata.get("token_endpoint_auth_signing_alg_values_supported")))
				.containsExactlyInAnyOrder("PS256", "ES256");
			assertThat(metadata.get("code_challenge_methods_supported")).isEqualTo(List.of("S256"));
			assertThat(metadata.get("pushed_authorization_request_endpoint")).isEqualTo(ISSUER + "/oauth2/par");
			assertThat(metadata.toString()).doesNotContain("RS256").doesNotContain("client_secret");
		}
	}

	@Test
	@DisplayName("FAPI2 MS §5.4.1, JARM §4: with JARM required (the default policy), only jwt and query.jwt are advertised")
	void metadataAdvertisesOnlySignedResponseModes() throws Exception {
		Map<String, Object> oauth = AuthorizationServerMetadata.resolve(new Issuer(ISSUER)).toJSONObject();
		Map<String, Object> oidc = OIDCProviderMetadata.resolve(new Issuer(ISSUER)).toJSONObject();
		for (Map<String, Object> metadata : List.of(oauth, oidc)) {
			assertThat(strings(metadata.get("response_modes_supported"))).containsExactlyInAnyOrder("jwt", "query.jwt");
		}
	}

	@Test
	@DisplayName("FAPI2 SP §5.4: the JWKS publishes an ES256 and a PS256 key with kid, public parts only")
	void jwksPublishesSigningKeys() throws Exception {
		JWKSet keys = JWKSet.load(ISSUER.resolve("/oauth2/jwks").toURL());
		assertThat(keys.getKeys()).extracting((key) -> key.getAlgorithm().getName())
			.contains("ES256", "PS256")
			.doesNotContain("RS256");
		for (JWK key : keys.getKeys()) {
			assertThat(key.getKeyID()).isNotBlank();
			assertThat(key.isPrivate()).isFalse();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return (List<String>) value;
	}

}
