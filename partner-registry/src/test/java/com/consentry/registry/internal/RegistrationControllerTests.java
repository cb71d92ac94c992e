package com.consentry.registry.internal;

import static com.consentry.registry.internal.TestSoftwareStatements.CLOCK;
import static com.consentry.registry.internal.TestSoftwareStatements.NOW;
import static com.consentry.registry.internal.TestSoftwareStatements.ecKey;
import static com.consentry.registry.internal.TestSoftwareStatements.es256;
import static com.consentry.registry.internal.TestSoftwareStatements.sign;
import static com.consentry.registry.internal.TestSoftwareStatements.trustedKeys;
import static com.consentry.registry.internal.TestSoftwareStatements.validClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.consentry.registry.FapiClientSettings;
import com.consentry.registry.PartnerDeleted;
import com.consentry.registry.PartnerStatus;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionOperations;

class RegistrationControllerTests {

	private final PartnerStore partners = mock(PartnerStore.class);

	private final OrganisationStore organisations = mock(OrganisationStore.class);

	private final RegisteredClientRepository clients = mock(RegisteredClientRepository.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	/**
	 * The registry's clock, moved on to tell an update's time from the registration's.
	 */
	private final SettableClock clock = new SettableClock(NOW);

	private final MockMvc mvc = MockMvcBuilders
		.standaloneSetup(
				new RegistrationController(new Registrations(new SoftwareStatementVerifier(trustedKeys(), null, CLOCK),
						this.clients, this.partners, this.organisations, TransactionOperations.withoutTransaction(),
						this.events, "http://localhost:9000", false, false, this.clock)))
		.setControllerAdvice(new RegistrationErrorAdvice())
		.build();

	@Test
	@DisplayName("RFC7591 §3.2.1: 201 with client_id, metadata, registration access token and client URI")
	void registerWhenValidThenCreated() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/register").contentType(MediaType.APPLICATION_JSON)
				.content(body(es256(validClaims().build()), Map.of("client_name", "Overridden by the statement"))))
			.andExpect(status().isCreated())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.client_name").value("Budget App"))
			.andExpect(jsonPath("$.token_endpoint_auth_method").value("private_key_jwt"))
			.andExpect(jsonPath("$.redirect_uris[0]").value("https://app.example.com/callback"))
			.andExpect(jsonPath("$.jwks.keys[0].kid").value("client-1"))
			.andExpect(jsonPath("$.dpop_bound_access_tokens").value(true))
			.andExpect(jsonPath("$.response_modes[0]").value("jwt"))
			.andExpect(jsonPath("$.software_id").value("budget-app"))
			.andExpect(jsonPath("$.org_id").value("org-123"))
			.andExpect(jsonPath("$.org_name").value("Example Fintech Ltd"))
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.software_statement").isString())
			.andReturn();
		Map<String, Object> json = JSONObjectUtils.parse(result.getResponse().getContentAsString());
		String clientId = (String) json.get("client_id");
		String token = (String) json.get("registration_access_token");

		assertThat(clientId).matches("[A-Za-z0-9_-]{22}");
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(json).containsEntry("registration_client_uri", "http://localhost:9000/register/" + clientId)
			.containsEntry("client_id_issued_at", CLOCK.instant().getEpochSecond());
		ArgumentCaptor<PartnerRegistration> stored = ArgumentCaptor.forClass(PartnerRegistration.class);
		verify(this.partners).insert(stored.capture());
		assertThat(stored.getValue().registrationAccessTokenHash()).isEqualTo(RegistrationCredentials.sha256(token));
		assertThat(stored.getValue().partner().status()).isEqualTo(PartnerStatus.PENDING);
		assertThat(stored.getValue().metadataJson()).doesNotContain(token);
		ArgumentCaptor<RegisteredClient> client = ArgumentCaptor.forClass(RegisteredClient.class);
		verify(this.clients).save(client.capture());
		assertThat(client.getValue().getClientId()).isEqualTo(clientId);
	}

	@Test
	@DisplayName("RFC7591 §3.2.2: a refused registration answers 400 with the error code and changes nothing")
	void registerWhenRedirectHttpThenInvalidRedirectUriAndNothingStored() throws Exception {
		String statement = es256(validClaims().claim("redirect_uris", List.of("http://app.example.com/cb")).build());

		this.mvc.perform(post("/register").contentType(MediaType.APPLICATION_JSON).content(body(statement, Map.of())))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.error").value("invalid_redirect_uri"))
			.andExpect(jsonPath("$.error_description").isString());
		verifyNoInteractions(this.partners, this.clients);
	}

	@Test
	@DisplayName("RFC7591 §2.3: a statement without keys or redirect URIs does not let the unsigned body supply them; nothing is stored")
	void registerWhenStatementLacksKeysAndBodySuppliesThemThenRefusedAndNothingStored() throws Exception {
		String statement = es256(validClaims().claim("redirect_uris", null).claim("jwks", null).build());
		Map<String, Object> attacker = Map.of("redirect_uris", List.of("https://evil.example/cb"), "jwks",
				Map.of("keys", List.of(ecKey("attacker").toPublicJWK().toJSONObject())));

		this.mvc.perform(post("/register").contentType(MediaType.APPLICATION_JSON).content(body(statement, attacker)))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.error").value("invalid_software_statement"));
		verifyNoInteractions(this.partners, this.clients);
	}

	@ParameterizedTest
	@MethodSource("bodyOverrides")
	@DisplayName("RFC7591 §2.3: a body value of a statement-only member that differs from the statement is refused; nothing is stored")
	void registerWhenBodyChangesStatementOnlyMemberThenInvalidClientMetadataAndNothingStored(String name, Object value)
			throws Exception {
		this.mvc
			.perform(post("/register").contentType(MediaType.APPLICATION_JSON)
				.content(body(es256(validClaims().build()), Map.of(name, value))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_client_metadata"));
		verifyNoInteractions(this.partners, this.clients);
	}

	static Stream<Arguments> bodyOverrides() {
		return Stream.of(
				argumentSet("fails because the body names other keys", "jwks",
						Map.of("keys", List.of(ecKey("attacker").toPublicJWK().toJSONObject()))),
				argumentSet("fails because the body adds a jwks_uri", "jwks_uri", "https://evil.example/jwks.json"),
				argumentSet("fails because the body names another redirect URI", "redirect_uris",
						List.of("https://evil.example/cb")),
				argumentSet("fails because the body uses the directory name for another redirect URI",
						"software_redirect_uris", List.of("https://evil.example/cb")),
				argumentSet("fails because the body widens the scope", "scope",
						"openid offline_access fdx:accountbasic:read fdx:investments:read"),
				argumentSet("fails because the body sets the grant types", "grant_types",
						List.of("authorization_code")),
				argumentSet("fails because the body sets the response types", "response_types", List.of("code")),
				argumentSet("fails because the body sets the authentication method", "token_endpoint_auth_method",
						"private_key_jwt"),
				argumentSet("fails because the body sets the response modes", "response_modes", List.of("jwt")),
				argumentSet("fails because the body names another software", "software_id", "other-app"));
	}

	@Test
	@DisplayName("RFC7591 §2.3: the body may repeat the statement's own values, in any order")
	void registerWhenBodyRepeatsStatementValuesThenCreated() throws Exception {
		JWTClaimsSet statement = validClaims().build();
		Map<String, Object> claims = statement.toJSONObject();
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("redirect_uris", claims.get("redirect_uris"));
		members.put("jwks", claims.get("jwks"));
		members.put("scope", "fdx:accountbasic:read openid offline_access");
		members.put("software_id", "budget-app");

		this.mvc
			.perform(post("/register").contentType(MediaType.APPLICATION_JSON).content(body(es256(statement), members)))
			.andExpect(status().isCreated());
	}

	@Test
	@DisplayName("Open-banking directories: software_jwks_endpoint, software_redirect_uris and software_client_name stand for jwks_uri, redirect_uris and client_name")
	void registerWhenDirectoryNamesThenMappedOntoRfc7591Names() throws Exception {
		String statement = es256(validClaims().claim("jwks", null)
			.claim("redirect_uris", null)
			.claim("client_name", null)
			.claim("software_jwks_endpoint", "https://keystore.directory.example/org-123/budget-app.jwks")
			.claim("software_redirect_uris", List.of("https://app.example.com/ob/callback"))
			.claim("software_client_name", "Budget App (directory)")
			.build());

		this.mvc.perform(post("/register").contentType(MediaType.APPLICATION_JSON).content(body(statement, Map.of())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.jwks_uri").value("https://keystore.directory.example/org-123/budget-app.jwks"))
			.andExpect(jsonPath("$.redirect_uris[0]").value("https://app.example.com/ob/callback"))
			.andExpect(jsonPath("$.client_name").value("Budget App (directory)"))
			.andExpect(jsonPath("$.software_jwks_endpoint").doesNotExist());
		ArgumentCaptor<RegisteredClient> client = ArgumentCaptor.forClass(RegisteredClient.class);
		verify(this.clients).save(client.capture());
		assertThat(client.getValue().getClientSettings().getJwkSetUrl())
			.isEqualTo("https://keystore.directory.example/org-123/budget-app.jwks");
	}

	@Test
	@DisplayName("Open-banking directories: a statement naming a member twice, with different values, is invalid_software_statement")
	void registerWhenDirectoryAndRfcNamesDisagreeThenInvalidSoftwareStatement() throws Exception {
		String statement = es256(
				validClaims().claim("software_redirect_uris", List.of("https://other.example.com/cb")).build());

		this.mvc.perform(post("/register").contentType(MediaType.APPLICATION_JSON).content(body(statement, Map.of())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_software_statement"));
		verifyNoInteractions(this.partners, this.clients);
	}

	@Test
	@DisplayName("FAPI2 MS §5.4.1: plain query responses are refused unless the bank's policy allows them (JARM required)")
	void registerWhenPlainResponseModeThenRefusedUnlessPolicyAllows() throws Exception {
		String statement = es256(validClaims().claim("response_modes", List.of("jwt", "query")).build());

		this.mvc.perform(post("/register").contentType(MediaType.APPLICATION_JSON).content(body(statement, Map.of())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_client_metadata"));
		verifyNoInteractions(this.partners, this.clients);

		MockMvc lenient = MockMvcBuilders
			.standaloneSetup(new RegistrationController(
					new Registrations(new SoftwareStatementVerifier(trustedKeys(), null, CLOCK), this.clients,
							this.partners, this.organisations, TransactionOperations.withoutTransaction(), this.events,
							"http://localhost:9000", false, true, this.clock)))
			.setControllerAdvice(new RegistrationErrorAdvice())
			.build();
		lenient.perform(post("/register").contentType(MediaType.APPLICATION_JSON).content(body(statement, Map.of())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.response_modes[1]").value("query"));
	}

	@Test
	@DisplayName("RFC7591 §3.2.2: a statement from an untrusted key answers unapproved_software_statement")
	void registerWhenUnknownKeyThenUnapproved() throws Exception {
		String statement = sign(new ECDSASigner(ecKey("rogue")), JWSAlgorithm.ES256, "rogue", validClaims().build());

		this.mvc.perform(post("/register").contentType(MediaType.APPLICATION_JSON).content(body(statement, Map.of())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("unapproved_software_statement"));
		verifyNoInteractions(this.partners, this.clients);
	}

	@Test
	@DisplayName("RFC7591 §3.2.2: a body that is not a JSON object answers invalid_client_metadata")
	void registerWhenBodyNotObjectThenInvalidClientMetadata() throws Exception {
		this.mvc.perform(post("/register").contentType(MediaType.APPLICATION_JSON).content("[\"x\"]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_client_metadata"));
	}

	@Test
	@DisplayName("RFC7591 §3.1: a body that is not application/json answers invalid_client_metadata")
	void registerWhenNotJsonContentTypeThenInvalidClientMetadata() throws Exception {
		this.mvc
			.perform(post("/register").contentType(MediaType.TEXT_PLAIN)
				.content(body(es256(validClaims().build()), Map.of())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_client_metadata"));
		verifyNoInteractions(this.partners, this.clients);
	}

	@Test
	@DisplayName("DESIGN input validation: a body over 64 KiB answers invalid_client_metadata")
	void registerWhenBodyTooLargeThenInvalidClientMetadata() throws Exception {
		String padding = "x".repeat(RegistrationRequest.MAX_BYTES);

		this.mvc
			.perform(post("/register").contentType(MediaType.APPLICATION_JSON)
				.content(body(es256(validClaims().build()), Map.of("padding", padding))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_client_metadata"));
		verifyNoInteractions(this.partners, this.clients);
	}

	@Test
	@DisplayName("RFC7592 §2.1: reads the registration with its registration access token, never returning the token")
	void readWhenTokenMatchesThenMetadata() throws Exception {
		RegisteredFixture registered = register();

		this.mvc
			.perform(get("/register/" + registered.clientId()).header("Authorization", "Bearer " + registered.token()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.client_id").value(registered.clientId()))
			.andExpect(jsonPath("$.client_name").value("Budget App"))
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.registration_client_uri")
				.value("http://localhost:9000/register/" + registered.clientId()))
			.andExpect(jsonPath("$.registration_access_token").doesNotExist());
	}

	@Test
	@DisplayName("RFC7592 §2.1, RFC6750 §3.1: a wrong or missing token and an unknown client get the same 401")
	void readWhenTokenWrongOrClientUnknownThenSame401() throws Exception {
		RegisteredFixture registered = register();
		given(this.partners.findRegistration("unknown")).willReturn(Optional.empty());

		for (var request : List.of(
				get("/register/" + registered.clientId()).header("Authorization", "Bearer wrong-token"),
				get("/register/" + registered.clientId()),
				get("/register/" + registered.clientId()).header("Authorization", "Basic " + registered.token()),
				get("/register/unknown").header("Authorization", "Bearer " + registered.token()))) {
			this.mvc.perform(request)
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
				.andExpect(content().string(""));
		}
	}

	@Test
	@DisplayName("RFC7592 §2.3: deletes the registration with its token, answers 204 and announces PartnerDeleted")
	void deleteWhenTokenMatchesThenNoContent() throws Exception {
		RegisteredFixture registered = register();
		given(this.partners.delete(registered.clientId())).willReturn(true);

		this.mvc.perform(
				delete("/register/" + registered.clientId()).header("Authorization", "Bearer " + registered.token()))
			.andExpect(status().isNoContent());

		verify(this.partners).delete(registered.clientId());
		verify(this.events).publishEvent(new PartnerDeleted(registered.clientId()));
	}

	@Test
	@DisplayName("RFC7592 §2.3: a delete with a wrong token answers 401 and deletes nothing")
	void deleteWhenTokenWrongThenUnauthorized() throws Exception {
		RegisteredFixture registered = register();

		this.mvc.perform(delete("/register/" + registered.clientId()).header("Authorization", "Bearer nope"))
			.andExpect(status().isUnauthorized());

		verify(this.partners, never()).delete(any());
	}

	@Test
	@DisplayName("RFC7592 §2.2: replaces the metadata in full, keeping client_id, issue time and status, rotating the token")
	void updateWhenValidThenReplacesMetadataAndKeepsIdentity() throws Exception {
		RegisteredFixture registered = register(
				Map.of("contacts", List.of("ops@example.com"), "logo_uri", "https://app.example.com/logo.png"));
		given(this.partners.update(any(), any())).willReturn(true);
		this.clock.advance(Duration.ofDays(1));
		String statement = es256(validClaims().jwtID("statement-2")
			.claim("org_name", "Example Fintech Group")
			.claim("client_name", "Budget App 2")
			.claim("redirect_uris", List.of("https://app.example.com/v2/callback"))
			.claim("jwks", Map.of("keys", List.of(ecKey("client-2").toPublicJWK().toJSONObject())))
			.claim("scope", "openid fdx:accountdetailed:read")
			.claim("response_modes", List.of("jwt", "query.jwt"))
			.build());
		Map<String, Object> members = updateMembers(registered.clientId());
		// Issued values may be echoed unchanged (RFC7592 §2.2 MAY); status is not client
		// metadata.
		members.put("client_id_issued_at", NOW.getEpochSecond());
		members.put("registration_client_uri", "http://localhost:9000/register/" + registered.clientId());
		members.put("status", "ACTIVE");
		// The statement's own values may be repeated in the body.
		members.put("response_modes", List.of("query.jwt", "jwt"));
		members.put("redirect_uris", List.of("https://app.example.com/v2/callback"));

		MvcResult result = this.mvc
			.perform(put("/register/" + registered.clientId()).header("Authorization", "Bearer " + registered.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(statement, members)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.client_id").value(registered.clientId()))
			.andExpect(jsonPath("$.client_id_issued_at").value(NOW.getEpochSecond()))
			.andExpect(jsonPath("$.client_name").value("Budget App 2"))
			.andExpect(jsonPath("$.org_name").value("Example Fintech Group"))
			.andExpect(jsonPath("$.redirect_uris.length()").value(1))
			.andExpect(jsonPath("$.redirect_uris[0]").value("https://app.example.com/v2/callback"))
			.andExpect(jsonPath("$.jwks.keys[0].kid").value("client-2"))
			.andExpect(jsonPath("$.scope").value("openid fdx:accountdetailed:read"))
			.andExpect(jsonPath("$.response_modes[1]").value("query.jwt"))
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.contacts").doesNotExist())
			.andExpect(jsonPath("$.logo_uri").doesNotExist())
			.andReturn();
		String newToken = (String) JSONObjectUtils.parse(result.getResponse().getContentAsString())
			.get("registration_access_token");

		ArgumentCaptor<PartnerRegistration> partner = ArgumentCaptor.forClass(PartnerRegistration.class);
		ArgumentCaptor<byte[]> previous = ArgumentCaptor.forClass(byte[].class);
		verify(this.partners).update(partner.capture(), previous.capture());
		assertThat(newToken).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(registered.token());
		assertThat(previous.getValue()).isEqualTo(RegistrationCredentials.sha256(registered.token()));
		PartnerRegistration updated = partner.getValue();
		assertThat(updated.partner().clientId()).isEqualTo(registered.clientId());
		assertThat(updated.partner().orgId()).isEqualTo("org-123");
		assertThat(updated.partner().clientName()).isEqualTo("Budget App 2");
		assertThat(updated.partner().status()).isEqualTo(PartnerStatus.PENDING);
		assertThat(updated.registrationAccessTokenHash()).isEqualTo(RegistrationCredentials.sha256(newToken));
		assertThat(updated.createdAt()).isEqualTo(NOW);
		assertThat(updated.updatedAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
		assertThat(updated.metadataJson()).contains(statement)
			.doesNotContain(registered.token())
			.doesNotContain(newToken);
		ArgumentCaptor<RegisteredClient> client = ArgumentCaptor.forClass(RegisteredClient.class);
		verify(this.clients, times(2)).save(client.capture());
		RegisteredClient saved = client.getValue();
		assertThat(saved.getId()).isEqualTo(registered.client().getId());
		assertThat(saved.getClientId()).isEqualTo(registered.clientId());
		assertThat(saved.getClientIdIssuedAt()).isEqualTo(NOW);
		assertThat(saved.getRedirectUris()).containsExactly("https://app.example.com/v2/callback");
		assertThat(saved.getScopes()).containsExactlyInAnyOrder("openid", "fdx:accountdetailed:read");
		assertThat(FapiClientSettings.jwks(saved))
			.hasValueSatisfying((jwks) -> assertThat(jwks.getKeyByKeyId("client-2")).isNotNull());
		assertThat(FapiClientSettings.responseModes(saved)).containsExactly("jwt", "query.jwt");
		assertThat(FapiClientSettings.orgId(saved)).hasValue("org-123");

		// The new token reads the updated registration, in the shape the update answered
		// with less the token; the old token no longer works.
		given(this.partners.findRegistration(registered.clientId())).willReturn(Optional.of(updated));
		MvcResult read = this.mvc
			.perform(get("/register/" + registered.clientId()).header("Authorization", "Bearer " + newToken))
			.andExpect(status().isOk())
			.andReturn();
		Map<String, Object> answered = JSONObjectUtils.parse(result.getResponse().getContentAsString());
		answered.remove("registration_access_token");
		assertThat(JSONObjectUtils.parse(read.getResponse().getContentAsString())).isEqualTo(answered);
		this.mvc
			.perform(get("/register/" + registered.clientId()).header("Authorization", "Bearer " + registered.token()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("RFC7592 §2.2, RFC6750 §3.1: a wrong or missing token and an unknown client get the same 401, before the body is looked at")
	void updateWhenTokenWrongOrClientUnknownThenSame401AndNothingChanged() throws Exception {
		RegisteredFixture registered = registerForUpdate();
		given(this.partners.findRegistration("unknown")).willReturn(Optional.empty());
		String body = body(es256(validClaims().build()), updateMembers(registered.clientId()));
		String path = "/register/" + registered.clientId();

		for (RequestBuilder request : List.of(
				put(path).header("Authorization", "Bearer wrong-token")
					.contentType(MediaType.APPLICATION_JSON)
					.content(body),
				put(path).contentType(MediaType.APPLICATION_JSON).content(body),
				put(path).header("Authorization", "Basic " + registered.token())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body),
				put("/register/unknown").header("Authorization", "Bearer " + registered.token())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body),
				put(path).header("Authorization", "Bearer wrong-token")
					.contentType(MediaType.TEXT_PLAIN)
					.content("not json"))) {
			this.mvc.perform(request)
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
				.andExpect(content().string(""));
		}
		assertNothingChanged();
	}

	@ParameterizedTest
	@MethodSource("issuedValueChanges")
	@DisplayName("RFC7592 §2.2: client_id must be the client's own; issued values and secrets cannot be changed")
	void updateWhenIssuedValueChangedThenInvalidClientMetadataAndNothingChanged(Consumer<Map<String, Object>> change)
			throws Exception {
		RegisteredFixture registered = registerForUpdate();
		Map<String, Object> members = updateMembers(registered.clientId());
		change.accept(members);

		this.mvc
			.perform(put("/register/" + registered.clientId()).header("Authorization", "Bearer " + registered.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(es256(validClaims().build()), members)))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.error").value("invalid_client_metadata"));
		assertNothingChanged();
	}

	static Stream<Arguments> issuedValueChanges() {
		return Stream.of(
				argumentSet("fails because client_id is missing (RFC7592 §2.2 MUST include)",
						(Consumer<Map<String, Object>>) (body) -> body.remove("client_id")),
				argumentSet("fails because client_id names another client (RFC7592 §2.2 MUST be the same)",
						change("client_id", "another-client")),
				argumentSet("fails because client_id is not a string", change("client_id", 42L)),
				argumentSet("fails because client_secret is set (RFC7592 §2.2, none was issued)",
						change("client_secret", "s3cret")),
				argumentSet("fails because client_secret_expires_at is set (RFC7592 §2.2 MUST NOT include)",
						change("client_secret_expires_at", 0L)),
				argumentSet("fails because client_id_issued_at differs (RFC7592 §2.2 MUST NOT accept changes)",
						change("client_id_issued_at", NOW.getEpochSecond() + 1)),
				argumentSet("fails because registration_client_uri differs (RFC7592 §2.2 MUST NOT accept changes)",
						change("registration_client_uri", "https://evil.example/register/x")),
				argumentSet("fails because registration_access_token differs (RFC7592 §2.2 MUST NOT accept changes)",
						change("registration_access_token", "a-token-of-the-client's-choosing")));
	}

	@Test
	@DisplayName("RFC7592 §2.2: a software statement of another organisation answers invalid_software_statement and changes nothing")
	void updateWhenStatementOfAnotherOrganisationThenInvalidSoftwareStatementAndNothingChanged() throws Exception {
		RegisteredFixture registered = registerForUpdate();
		String statement = es256(validClaims().claim("org_id", "org-999").claim("org_name", "Other Ltd").build());

		this.mvc
			.perform(put("/register/" + registered.clientId()).header("Authorization", "Bearer " + registered.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(statement, updateMembers(registered.clientId()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_software_statement"));
		assertNothingChanged();
	}

	@Test
	@DisplayName("RFC7592 §2.2, RFC7591 §2.3: an update whose body swaps the keys or redirect URIs is refused and changes nothing")
	void updateWhenBodyChangesKeysOrRedirectsThenInvalidClientMetadataAndNothingChanged() throws Exception {
		RegisteredFixture registered = registerForUpdate();
		for (Map.Entry<String, Object> override : Map
			.<String, Object>of("jwks", Map.of("keys", List.of(ecKey("attacker").toPublicJWK().toJSONObject())),
					"redirect_uris", List.of("https://evil.example/cb"))
			.entrySet()) {
			Map<String, Object> members = updateMembers(registered.clientId());
			members.put(override.getKey(), override.getValue());

			this.mvc
				.perform(put("/register/" + registered.clientId())
					.header("Authorization", "Bearer " + registered.token())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body(es256(validClaims().build()), members)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.error").value("invalid_client_metadata"));
		}
		assertNothingChanged();
	}

	@Test
	@DisplayName("RFC7592 §2.2, RFC7591 §3.2.2: an http redirect URI answers invalid_redirect_uri and changes nothing")
	void updateWhenRedirectHttpThenInvalidRedirectUriAndNothingChanged() throws Exception {
		RegisteredFixture registered = registerForUpdate();
		String statement = es256(validClaims().claim("redirect_uris", List.of("http://app.example.com/cb")).build());

		this.mvc
			.perform(put("/register/" + registered.clientId()).header("Authorization", "Bearer " + registered.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(statement, updateMembers(registered.clientId()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_redirect_uri"));
		assertNothingChanged();
	}

	@Test
	@DisplayName("RFC7592 §2.2, RFC7591 §3.2.2: an update without a trusted software statement is refused and changes nothing")
	void updateWhenStatementMissingOrUntrustedThenRefusedAndNothingChanged() throws Exception {
		RegisteredFixture registered = registerForUpdate();
		String path = "/register/" + registered.clientId();
		String rogue = sign(new ECDSASigner(ecKey("rogue")), JWSAlgorithm.ES256, "rogue", validClaims().build());

		this.mvc
			.perform(put(path).header("Authorization", "Bearer " + registered.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSONObjectUtils.toJSONString(updateMembers(registered.clientId()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_software_statement"));
		this.mvc
			.perform(put(path).header("Authorization", "Bearer " + registered.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(rogue, updateMembers(registered.clientId()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("unapproved_software_statement"));
		this.mvc
			.perform(put(path).header("Authorization", "Bearer " + registered.token())
				.contentType(MediaType.TEXT_PLAIN)
				.content(body(es256(validClaims().build()), updateMembers(registered.clientId()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_client_metadata"));
		assertNothingChanged();
	}

	@Test
	@DisplayName("RFC7592 §2.2: a client deleted while its update was checked answers 401 and is not written back")
	void updateWhenPartnerGoneBeforeWriteThenUnauthorizedAndClientNotSaved() throws Exception {
		RegisteredFixture registered = registerForUpdate();
		given(this.partners.update(any(), any())).willReturn(false);

		this.mvc
			.perform(put("/register/" + registered.clientId()).header("Authorization", "Bearer " + registered.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(es256(validClaims().build()), updateMembers(registered.clientId()))))
			.andExpect(status().isUnauthorized());
		verify(this.clients, never()).save(any());
	}

	@Test
	@DisplayName("RFC7592 §2.2: an update adding a redirect URI on a new host is refused (invalid_redirect_uri), as it widens trust")
	void updateWhenNewRedirectHostThenRefused() throws Exception {
		RegisteredFixture registered = registerForUpdate();
		String statement = es256(validClaims().jwtID("statement-2")
			.claim("redirect_uris", List.of("https://app.example.com/callback", "https://elsewhere.example.net/cb"))
			.build());

		this.mvc
			.perform(put("/register/" + registered.clientId()).header("Authorization", "Bearer " + registered.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(statement, updateMembers(registered.clientId()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_redirect_uri"))
			.andExpect(jsonPath("$.error_description")
				.value(org.hamcrest.Matchers.containsString("elsewhere.example.net")));
		assertNothingChanged();
	}

	@Test
	@DisplayName("RFC7592 §2.1: a revoked partner's registration answers 401 to read, update and delete")
	void readWhenPartnerRevokedThenUnauthorized() throws Exception {
		RegisteredFixture registered = registerForUpdate();
		PartnerRegistration stored = this.partners.findRegistration(registered.clientId()).orElseThrow();
		com.consentry.registry.Partner partner = stored.partner();
		given(this.partners.findRegistration(registered.clientId())).willReturn(Optional.of(new PartnerRegistration(
				new com.consentry.registry.Partner(partner.clientId(), partner.orgId(), partner.orgName(),
						partner.clientName(), PartnerStatus.REVOKED),
				stored.softwareId(), stored.directoryIssuer(), stored.registrationAccessTokenHash(),
				stored.metadataJson(), stored.createdAt(), stored.updatedAt())));
		String bearer = "Bearer " + registered.token();

		this.mvc.perform(get("/register/" + registered.clientId()).header("Authorization", bearer))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(put("/register/" + registered.clientId()).header("Authorization", bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(es256(validClaims().build()), updateMembers(registered.clientId()))))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(delete("/register/" + registered.clientId()).header("Authorization", bearer))
			.andExpect(status().isUnauthorized());
		assertNothingChanged();
	}

	@Test
	@DisplayName("Registration: a new client of a known organisation takes its status; of a revoked one it is refused")
	void registerWhenOrganisationKnownThenItsStatus() throws Exception {
		given(this.organisations.status("org-123")).willReturn(Optional.of(PartnerStatus.ACTIVE));
		this.mvc
			.perform(post("/register").contentType(MediaType.APPLICATION_JSON)
				.content(body(es256(validClaims().build()), Map.of())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ACTIVE"));

		clearInvocations(this.partners, this.clients);
		given(this.organisations.status("org-123")).willReturn(Optional.of(PartnerStatus.REVOKED));
		this.mvc
			.perform(post("/register").contentType(MediaType.APPLICATION_JSON)
				.content(body(es256(validClaims().jwtID("statement-2").build()), Map.of())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("unapproved_software_statement"));
		verify(this.partners, never()).insert(any());
		verify(this.clients, never()).save(any());
	}

	private RegisteredFixture register() throws Exception {
		return register(Map.of());
	}

	private RegisteredFixture register(Map<String, Object> members) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/register").contentType(MediaType.APPLICATION_JSON)
				.content(body(es256(validClaims().build()), members)))
			.andExpect(status().isCreated())
			.andReturn();
		Map<String, Object> json = JSONObjectUtils.parse(result.getResponse().getContentAsString());
		ArgumentCaptor<PartnerRegistration> stored = ArgumentCaptor.forClass(PartnerRegistration.class);
		verify(this.partners).insert(stored.capture());
		ArgumentCaptor<RegisteredClient> client = ArgumentCaptor.forClass(RegisteredClient.class);
		verify(this.clients).save(client.capture());
		String clientId = (String) json.get("client_id");
		given(this.partners.findRegistration(clientId)).willReturn(Optional.of(stored.getValue()));
		given(this.clients.findByClientId(clientId)).willReturn(client.getValue());
		return new RegisteredFixture(clientId, (String) json.get("registration_access_token"), client.getValue());
	}

	/**
	 * A registered client whose update would be valid if the test did not spoil it;
	 * earlier calls forgotten.
	 */
	private RegisteredFixture registerForUpdate() throws Exception {
		RegisteredFixture registered = register();
		given(this.partners.update(any(), any())).willReturn(true);
		clearInvocations(this.partners, this.clients, this.events);
		return registered;
	}

	/** RFC7592 §2.2 refusals: no partner row, client or event was written. */
	private void assertNothingChanged() {
		verify(this.partners, never()).insert(any());
		verify(this.partners, never()).update(any(), any());
		verify(this.partners, never()).delete(any());
		verify(this.clients, never()).save(any());
		verifyNoInteractions(this.events);
	}

	private static Map<String, Object> updateMembers(String clientId) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("client_id", clientId);
		return members;
	}

	private static String body(String statement, Map<String, Object> members) {
		Map<String, Object> body = new LinkedHashMap<>(members);
		body.put("software_statement", statement);
		return JSONObjectUtils.toJSONString(body);
	}

	private static Consumer<Map<String, Object>> change(String name, Object value) {
		return (body) -> body.put(name, value);
	}

	private record RegisteredFixture(String clientId, String token, RegisteredClient client) {
	}

	private static final class SettableClock extends Clock {

		private Instant instant;

		SettableClock(Instant instant) {
			this.instant = instant;
		}

		void advance(Duration duration) {
			this.instant = this.instant.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
