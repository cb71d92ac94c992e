package com.consentry.registry.internal;

import static com.consentry.registry.internal.TestSoftwareStatements.ecKey;
import static com.consentry.registry.internal.TestSoftwareStatements.rsaKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.consentry.registry.ClientCertificateName;
import com.consentry.registry.FapiClientSettings;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;

class ClientMetadataTests {

	private static final ECKey CLIENT_KEY = ecKey("client-1");

	@ParameterizedTest
	@MethodSource("refusals")
	@DisplayName("RFC7591 §2, §3.2.2 and FAPI2: refuses statement metadata that breaks a rule, with the right error code")
	void fromWhenRuleBrokenThenRefused(Consumer<Map<String, Object>> change, RegistrationError expected) {
		Map<String, Object> statement = validStatement();
		change.accept(statement);

		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> ClientMetadata.from(Map.of(), statement, false))
			.extracting(RegistrationException::error)
			.isEqualTo(expected);
	}

	static Stream<Arguments> refusals() {
		RegistrationError redirect = RegistrationError.INVALID_REDIRECT_URI;
		RegistrationError metadata = RegistrationError.INVALID_CLIENT_METADATA;
		return Stream.of(
				row("fails because redirect_uri is http (FAPI2 SP §5.3.2.2(8))",
						set("redirect_uris", List.of("http://app.example.com/callback")), redirect),
				row("fails because redirect_uri has a fragment (RFC6749 §3.1.2)",
						set("redirect_uris", List.of("https://app.example.com/callback#x")), redirect),
				row("fails because redirect_uri is relative (RFC6749 §3.1.2)",
						set("redirect_uris", List.of("/callback")), redirect),
				row("fails because redirect_uri holds a comma (stored comma-joined)",
						set("redirect_uris", List.of("https://app.example.com/cb,https://evil.example/cb")), redirect),
				row("fails because redirect_uris is missing (RFC7591 §2.3: the statement must carry them)",
						remove("redirect_uris"), RegistrationError.INVALID_SOFTWARE_STATEMENT),
				row("fails because redirect_uris is not an array (RFC7591 §2)",
						set("redirect_uris", "https://app.example.com/callback"), redirect),
				row("fails because token_endpoint_auth_method is client_secret_basic (FAPI2 SP §5.3.2.1(6))",
						set("token_endpoint_auth_method", "client_secret_basic"), metadata),
				row("fails because grant_types holds implicit (FAPI2 SP §5.3.2.2(1))",
						set("grant_types", List.of("authorization_code", "implicit")), metadata),
				row("fails because grant_types holds client_credentials (FAPI2 SP §5.3.2.1)",
						set("grant_types", List.of("client_credentials")), metadata),
				row("fails because response_types is token (FAPI2 SP §5.3.2.2(1))",
						set("response_types", List.of("token")), metadata),
				row("fails because response_types adds id_token (FAPI2 SP §5.3.2.2(1))",
						set("response_types", List.of("code id_token")), metadata),
				row("fails because both jwks and jwks_uri are given (RFC7591 §2)",
						set("jwks_uri", "https://app.example.com/jwks.json"), metadata),
				row("fails because neither jwks nor jwks_uri is given (RFC7591 §2.3, FAPI2 SP §5.3.2.1(6))",
						remove("jwks"), RegistrationError.INVALID_SOFTWARE_STATEMENT),
				row("fails because scope is missing (RFC7591 §2.3: the statement must carry it)", remove("scope"),
						RegistrationError.INVALID_SOFTWARE_STATEMENT),
				row("fails because jwks holds a private key (RFC7591 §2)",
						set("jwks", Map.of("keys", List.of(CLIENT_KEY.toJSONObject()))), metadata),
				row("fails because jwks holds a symmetric key (RFC7591 §2)",
						set("jwks", Map.of("keys", List.of(Map.of("kty", "oct", "k", "c2VjcmV0LXNlY3JldC1zZWNyZXQ")))),
						metadata),
				row("fails because jwks holds an RSA key under 2048 bits (FAPI2 SP §5.4.1(2))",
						set("jwks", Map.of("keys", List.of(rsaKey("weak", 1024).toPublicJWK().toJSONObject()))),
						metadata),
				row("fails because jwks_uri is http (FAPI2 SP §5.4.2)", (body) -> {
					body.remove("jwks");
					body.put("jwks_uri", "http://app.example.com/jwks.json");
				}, metadata),
				row("fails because scope lacks openid (Consentry registration contract)",
						set("scope", "fdx:accountbasic:read"), metadata),
				row("fails because scope holds an unknown value", set("scope", "openid admin"), metadata),
				row("fails because dpop_bound_access_tokens is false (FAPI2 SP §5.3.2.1(4))",
						set("dpop_bound_access_tokens", false), metadata),
				row("fails because token_endpoint_auth_signing_alg is RS256 (FAPI2 SP §5.4.1(1))",
						set("token_endpoint_auth_signing_alg", "RS256"), metadata),
				row("fails because authorization_signed_response_alg is none (FAPI2 SP §5.4.1(1))",
						set("authorization_signed_response_alg", "none"), metadata),
				row("fails because response_modes holds fragment.jwt (FAPI2 MS §5.3.3)",
						set("response_modes", List.of("fragment.jwt")), metadata),
				row("fails because response_modes holds plain query while JARM is required (FAPI2 MS §5.4.1)",
						set("response_modes", List.of("jwt", "query")), metadata),
				row("fails because client_name is missing (the consent page shows it: the directory must vouch for it)",
						remove("client_name"), RegistrationError.INVALID_SOFTWARE_STATEMENT),
				row("fails because logo_uri is http (RFC7591 §2)", set("logo_uri", "http://app.example.com/logo.png"),
						metadata),
				row("fails because notification_uri is http (events go over TLS only)",
						set("notification_uri", "http://app.example.com/events"), metadata),
				row("fails because notification_uri is relative", set("notification_uri", "/events"), metadata),
				row("fails because tls_client_auth names no certificate name (RFC8705 §2.1.2)",
						set("token_endpoint_auth_method", "tls_client_auth"), metadata),
				row("fails because tls_client_auth names two certificate names (RFC8705 §2.1.2)",
						tlsClientAuth().andThen(set("tls_client_auth_san_dns", "app.example.com"))
							.andThen(set("tls_client_auth_subject_dn", "CN=app,O=Budget")),
						metadata),
				row("fails because a private_key_jwt client names a certificate (RFC8705 §2.1.2)",
						set("tls_client_auth_subject_dn", "CN=app,O=Budget"), metadata),
				row("fails because tls_client_auth_san_ip is no address literal (RFC8705 §2.1.2)",
						set("token_endpoint_auth_method", "tls_client_auth")
							.andThen(set("tls_client_auth_san_ip", "app.example.com")),
						metadata),
				row("fails because tls_client_auth_subject_dn is no distinguished name (RFC8705 §2.1.2)",
						set("token_endpoint_auth_method", "tls_client_auth")
							.andThen(set("tls_client_auth_subject_dn", "just text")),
						metadata),
				row("fails because an mTLS client asks for DPoP-bound tokens (one binding per partner, RFC8705 §3)",
						tlsClientAuth().andThen(set("dpop_bound_access_tokens", true)), metadata),
				row("fails because an mTLS client declines certificate-bound tokens (FAPI2 SP §5.3.2.1(4))",
						tlsClientAuth().andThen(set("tls_client_certificate_bound_access_tokens", false)), metadata),
				row("fails because a private_key_jwt client asks for certificate-bound tokens (RFC8705 §3.4)",
						set("tls_client_certificate_bound_access_tokens", true), metadata),
				row("fails because a self_signed_tls_client_auth jwks has no certificate (RFC8705 §2.2)",
						set("token_endpoint_auth_method", "self_signed_tls_client_auth")
							.andThen(remove("dpop_bound_access_tokens")),
						metadata));
	}

	private static Consumer<Map<String, Object>> tlsClientAuth() {
		return set("token_endpoint_auth_method", "tls_client_auth").andThen(remove("dpop_bound_access_tokens"))
			.andThen(set("tls_client_auth_san_dns", "App.Example.com"));
	}

	@Test
	@DisplayName("RFC8705 §2.1.2, §3.4: a tls_client_auth client keeps its one certificate name and gets certificate-bound, not DPoP-bound, tokens")
	void fromWhenTlsClientAuthThenCertificateBound() {
		Map<String, Object> statement = validStatement();
		tlsClientAuth().accept(statement);

		ClientMetadata metadata = ClientMetadata.from(Map.of(), statement, false);
		RegisteredClient client = FapiRegisteredClients.of(metadata, "id-1", "client-1",
				Instant.parse("2026-05-01T10:00:00Z"), "org-123", "https://directory.example");

		assertThat(metadata.toJson()).containsEntry("token_endpoint_auth_method", "tls_client_auth")
			.containsEntry("tls_client_auth_san_dns", "App.Example.com")
			.containsEntry("tls_client_certificate_bound_access_tokens", true)
			.containsEntry("dpop_bound_access_tokens", false);
		assertThat(client.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.TLS_CLIENT_AUTH);
		assertThat(FapiClientSettings.certificateBoundAccessTokens(client)).isTrue();
		assertThat(FapiClientSettings.dpopBoundAccessTokens(client)).isFalse();
		assertThat(FapiClientSettings.clientCertificateName(client))
			.hasValue(new ClientCertificateName(ClientCertificateName.Kind.SAN_DNS, "App.Example.com"));
		assertThat(FapiClientSettings.directory(client)).hasValue("https://directory.example");
	}

	@Test
	@DisplayName("RFC7591 §3.1.1: statement values take precedence over body values for descriptive members")
	void fromWhenStatementAndBodyDisagreeOnNameThenStatementWins() {
		Map<String, Object> body = Map.of("client_name", "Not The App", "logo_uri", "https://app.example.com/l.png");

		ClientMetadata metadata = ClientMetadata.from(body, validStatement(), false);

		assertThat(metadata.clientName()).isEqualTo("Budget App");
		assertThat(metadata.logoUri()).isEqualTo("https://app.example.com/l.png");
	}

	@Test
	@DisplayName("RFC7591 §2.3: the review's attack, a statement with only client_name and scope plus the attacker's keys and redirect in the body, is refused")
	void fromWhenStatementHoldsOnlyNameAndScopeThenBodyKeysAndRedirectRefused() {
		Map<String, Object> body = Map.of("redirect_uris", List.of("https://evil.example/cb"), "jwks",
				Map.of("keys", List.of(ecKey("attacker").toPublicJWK().toJSONObject())));
		Map<String, Object> statement = Map.of("client_name", "Budget App", "scope", "openid");

		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> ClientMetadata.from(body, statement, false))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.INVALID_SOFTWARE_STATEMENT);
	}

	@ParameterizedTest
	@MethodSource("statementOnlyMembers")
	@DisplayName("RFC7591 §2.3: a body value of a statement-only member that differs from the statement's is refused")
	void fromWhenBodyChangesStatementOnlyMemberThenRefused(String name, Object value) {
		Map<String, Object> body = Map.of(name, value);

		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> ClientMetadata.from(body, validStatement(), false))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.INVALID_CLIENT_METADATA);
	}

	static Stream<Arguments> statementOnlyMembers() {
		return Stream.of(
				argumentSet("fails because jwks differs", "jwks",
						Map.of("keys", List.of(ecKey("attacker").toPublicJWK().toJSONObject()))),
				argumentSet("fails because jwks_uri is added", "jwks_uri", "https://evil.example/jwks.json"),
				argumentSet("fails because software_jwks_endpoint is added", "software_jwks_endpoint",
						"https://evil.example/jwks.json"),
				argumentSet("fails because redirect_uris differs", "redirect_uris", List.of("https://evil.example/cb")),
				argumentSet("fails because scope differs", "scope", "openid"),
				argumentSet("fails because token_endpoint_auth_signing_alg is set", "token_endpoint_auth_signing_alg",
						"PS256"),
				argumentSet("fails because authorization_signed_response_alg is set",
						"authorization_signed_response_alg", "PS256"),
				argumentSet("fails because dpop_bound_access_tokens differs", "dpop_bound_access_tokens", false),
				argumentSet("fails because grant_types differs", "grant_types", List.of("authorization_code")),
				argumentSet(
						"fails because tls_client_auth_subject_dn is added (RFC8705 §2.1.2: the directory names it)",
						"tls_client_auth_subject_dn", "CN=attacker"),
				argumentSet(
						"fails because notification_uri is added (the server POSTs to it: the directory must vouch)",
						"notification_uri", "https://evil.example/events"));
	}

	@Test
	@DisplayName("RFC7591 §2.3: the body may repeat the statement's values (lists and scope in any order)")
	void fromWhenBodyRepeatsStatementValuesThenAccepted() {
		Map<String, Object> body = new LinkedHashMap<>(validStatement());
		body.put("scope", "fdx:accountbasic:read openid offline_access");
		body.put("grant_types", List.of("refresh_token", "authorization_code"));

		ClientMetadata metadata = ClientMetadata.from(body, validStatement(), false);

		assertThat(metadata.grantTypes()).containsExactly("authorization_code", "refresh_token");
	}

	@Test
	@DisplayName("FAPI2 MS §5.4.1: plain query responses may be registered only where the bank's policy allows them")
	void fromWhenPlainResponsesAllowedThenQueryAccepted() {
		Map<String, Object> statement = validStatement();
		statement.put("response_modes", List.of("jwt", "query"));

		assertThat(ClientMetadata.from(Map.of(), statement, true).responseModes()).containsExactly("jwt", "query");
	}

	@Test
	@DisplayName("RFC7591 §3.1.1: a statement value that breaks a rule is refused")
	void fromWhenStatementValueInvalidThenRefused() {
		Map<String, Object> statement = validStatement();
		statement.put("redirect_uris", List.of("http://app.example.com/callback"));

		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> ClientMetadata.from(Map.of(), statement, false))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.INVALID_REDIRECT_URI);
	}

	@Test
	@DisplayName("RFC7591 §2: absent optional members take FAPI defaults; unknown members are ignored")
	void fromWhenOptionalMembersAbsentThenDefaults() {
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("client_name", "Budget App");
		statement.put("redirect_uris", List.of("https://app.example.com/callback"));
		statement.put("jwks", Map.of("keys", List.of(CLIENT_KEY.toPublicJWK().toJSONObject())));
		statement.put("scope", "openid");
		statement.put("x_unknown_member", Map.of("anything", 1));

		Map<String, Object> json = ClientMetadata.from(Map.of("x_other", 2), statement, false).toJson();

		assertThat(json).containsEntry("grant_types", List.of("authorization_code", "refresh_token"))
			.containsEntry("response_types", List.of("code"))
			.containsEntry("token_endpoint_auth_method", "private_key_jwt")
			.containsEntry("token_endpoint_auth_signing_alg", "ES256")
			.containsEntry("authorization_signed_response_alg", "ES256")
			.containsEntry("response_modes", List.of("jwt"))
			.containsEntry("dpop_bound_access_tokens", true)
			.doesNotContainKey("x_unknown_member")
			.doesNotContainKey("x_other")
			.doesNotContainKey("jwks_uri");
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1: the registered client gets private_key_jwt, PKCE, 60 s codes and FAPI settings")
	void toRegisteredClientThenFapiSettings() {
		Map<String, Object> statement = validStatement();
		statement.put("token_endpoint_auth_signing_alg", "ES256");
		statement.put("authorization_signed_response_alg", "PS256");
		statement.put("response_modes", List.of("jwt", "query.jwt"));
		ClientMetadata metadata = ClientMetadata.from(Map.of(), statement, false);

		RegisteredClient client = FapiRegisteredClients.of(metadata, "id-1", "client-1",
				Instant.parse("2026-05-01T10:00:00Z"), "org-123", "https://directory.example");

		assertThat(client.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
		assertThat(client.getAuthorizationGrantTypes())
			.containsExactlyInAnyOrder(AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN);
		assertThat(client.getRedirectUris()).containsExactly("https://app.example.com/callback");
		assertThat(client.getScopes()).containsExactlyInAnyOrder("openid", "offline_access", "fdx:accountbasic:read");
		assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
		assertThat(client.getClientSettings().isRequireAuthorizationConsent()).isTrue();
		assertThat(client.getClientSettings().getTokenEndpointAuthenticationSigningAlgorithm())
			.isEqualTo(SignatureAlgorithm.ES256);
		assertThat(client.getTokenSettings().getAuthorizationCodeTimeToLive()).isEqualTo(Duration.ofSeconds(60));
		assertThat(client.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(5));
		assertThat(client.getTokenSettings().getAccessTokenFormat()).isEqualTo(OAuth2TokenFormat.SELF_CONTAINED);
		assertThat(client.getTokenSettings().isReuseRefreshTokens()).isFalse();
		assertThat(FapiClientSettings.jwks(client))
			.hasValueSatisfying((jwks) -> assertThat(jwks.getKeyByKeyId("client-1").isPrivate()).isFalse());
		assertThat(FapiClientSettings.authorizationSignedResponseAlg(client)).isEqualTo(SignatureAlgorithm.PS256);
		assertThat(FapiClientSettings.responseModes(client)).containsExactly("jwt", "query.jwt");
		assertThat(FapiClientSettings.dpopBoundAccessTokens(client)).isTrue();
		assertThat(FapiClientSettings.orgId(client)).hasValue("org-123");
		assertThat(FapiClientSettings.resourceServer(client)).isFalse();
	}

	@Test
	@DisplayName("RFC7591 §2: a jwks_uri client keeps its key set URL in ClientSettings")
	void toRegisteredClientWhenJwksUriThenJwkSetUrl() {
		Map<String, Object> statement = validStatement();
		statement.remove("jwks");
		statement.put("jwks_uri", "https://app.example.com/jwks.json");

		RegisteredClient client = FapiRegisteredClients.of(ClientMetadata.from(Map.of(), statement, false), "id-1",
				"client-1", Instant.parse("2026-05-01T10:00:00Z"), "org-123", "https://directory.example");

		assertThat(client.getClientSettings().getJwkSetUrl()).isEqualTo("https://app.example.com/jwks.json");
		assertThat(FapiClientSettings.jwks(client)).isEmpty();
	}

	@Test
	@DisplayName("RFC7591 §2.3: the statement's notification_uri is kept, returned with the metadata and stored on the registered client")
	void fromWhenStatementNamesNotificationUriThenStored() {
		Map<String, Object> statement = validStatement();
		statement.put("notification_uri", "https://app.example.com/consent-events");

		ClientMetadata metadata = ClientMetadata.from(Map.of(), statement, false);
		RegisteredClient client = FapiRegisteredClients.of(metadata, "id-1", "client-1",
				Instant.parse("2026-05-01T10:00:00Z"), "org-123", "https://directory.example");

		assertThat(metadata.toJson()).containsEntry("notification_uri", "https://app.example.com/consent-events");
		assertThat(FapiClientSettings.notificationUri(client)).hasValue("https://app.example.com/consent-events");
		assertThat(FapiClientSettings
			.notificationUri(FapiRegisteredClients.of(ClientMetadata.from(Map.of(), validStatement(), false), "id-2",
					"client-2", Instant.EPOCH, "org-123", "https://directory.example")))
			.isEmpty();
	}

	private static Map<String, Object> validStatement() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("client_name", "Budget App");
		body.put("redirect_uris", List.of("https://app.example.com/callback"));
		body.put("token_endpoint_auth_method", "private_key_jwt");
		body.put("grant_types", List.of("authorization_code", "refresh_token"));
		body.put("response_types", List.of("code"));
		body.put("jwks", Map.of("keys", List.of(CLIENT_KEY.toPublicJWK().toJSONObject())));
		body.put("scope", "openid offline_access fdx:accountbasic:read");
		body.put("dpop_bound_access_tokens", true);
		return body;
	}

	private static Arguments row(String name, Consumer<Map<String, Object>> change, RegistrationError expected) {
		return argumentSet(name, change, expected);
	}

	private static Consumer<Map<String, Object>> set(String name, Object value) {
		return (body) -> body.put(name, value);
	}

	private static Consumer<Map<String, Object>> remove(String name) {
		return (body) -> body.remove(name);
	}

}
