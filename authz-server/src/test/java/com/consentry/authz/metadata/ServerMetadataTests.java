package com.consentry.authz.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import static org.assertj.core.api.Assertions.assertThat;

class ServerMetadataTests {

	private final AuthorizationServerSettings settings = AuthorizationServerSettings.builder()
		.issuer("https://as.bank.example")
		.build();

	@Test
	@DisplayName("RFC8705 §5: with the mTLS endpoints on a base of their own, mtls_endpoint_aliases names each client-authenticated endpoint there")
	void acceptWhenMtlsBaseUrlThenAliases() {
		Map<String, Object> claims = new HashMap<>();

		new ServerMetadata(this.settings, false, "https://mtls.as.bank.example/").accept(claims);

		assertThat(claims.get("mtls_endpoint_aliases"))
			.isEqualTo(Map.of("token_endpoint", "https://mtls.as.bank.example/oauth2/token",
					"pushed_authorization_request_endpoint", "https://mtls.as.bank.example/oauth2/par",
					"revocation_endpoint", "https://mtls.as.bank.example/oauth2/revoke", "introspection_endpoint",
					"https://mtls.as.bank.example/oauth2/introspect"));
		assertThat(claims.get("tls_client_certificate_bound_access_tokens")).isEqualTo(true);
		assertThat(claims.get("token_endpoint_auth_methods_supported"))
			.isEqualTo(List.of("private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth"));
	}

	@Test
	@DisplayName("RFC8705 §5: without a separate mTLS base no aliases are advertised")
	void acceptWhenNoMtlsBaseUrlThenNoAliases() {
		Map<String, Object> claims = new HashMap<>();

		new ServerMetadata(this.settings, false, " ").accept(claims);

		assertThat(claims).doesNotContainKey("mtls_endpoint_aliases");
	}

}
