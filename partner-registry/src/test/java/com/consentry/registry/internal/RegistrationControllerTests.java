package com.consentry.registry.internal;

import static com.consentry.registry.internal.TestSoftwareStatements.CLOCK;
import static com.consentry.registry.internal.TestSoftwareStatements.ecKey;
import static com.consentry.registry.internal.TestSoftwareStatements.es256;
import static com.consentry.registry.internal.TestSoftwareStatements.sign;
import static com.consentry.registry.internal.TestSoftwareStatements.trustedKeys;
import static com.consentry.registry.internal.TestSoftwareStatements.validClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.consentry.registry.PartnerDeleted;
import com.consentry.registry.PartnerStatus;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionOperations;

class RegistrationControllerTests {

	private final PartnerStore partners = mock(PartnerStore.class);

	private final RegisteredClientRepository clients = mock(RegisteredClientRepository.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	private final MockMvc mvc = MockMvcBuilders
		.standaloneSetup(new RegistrationController(new Registrations(
				new SoftwareStatementVerifier(trustedKeys(), null, CLOCK), this.clients, this.partners,
				TransactionOperations.withoutTransaction(), this.events, "http://localhost:9000", false, CLOCK)))
		.setControllerAdvice(new RegistrationErrorAdvice())
		.build();

	@Test
	@DisplayName("RFC7591 §3.2.1: 201 with client_id, metadata, registration access token and client URI")
	void registerWhenValidThenCreated() throws Exception {
		MvcResult result = this.mvc.perform(post("/register").contentType(MediaType.APPLICATION_JSON)
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
		this.mvc.perform(post("/register").contentType(MediaType.TEXT_PLAIN)
			.content(body(es256(validClaims().build()), Map.of())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_client_metadata"));
		verifyNoInteractions(this.partners, this.clients);
	}

	@Test
	@DisplayName("DESIGN input validation: a body over 64 KiB answers invalid_client_metadata")
	void registerWhenBodyTooLargeThenInvalidClientMetadata() throws Exception {
		String padding = "x".repeat(RegistrationRequest.MAX_BYTES);

		this.mvc.perform(post("/register").contentType(MediaType.APPLICATION_JSON)
			.content(body(es256(validClaims().build()), Map.of("padding", padding))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_client_metadata"));
		verifyNoInteractions(this.partners, this.clients);
	}

	@Test
	@DisplayName("RFC7592 §2.1: reads the registration with its registration access token, never returning the token")
	void readWhenTokenMatchesThenMetadata() throws Exception {
		RegisteredFixture registered = register();

		this.mvc.perform(get("/register/" + registered.clientId()).header("Authorization", "Bearer " + registered.token()))
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

		this.mvc.perform(delete("/register/" + registered.clientId()).header("Authorization",
				"Bearer " + registered.token()))
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

	private RegisteredFixture register() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/register").contentType(MediaType.APPLICATION_JSON)
				.content(body(es256(validClaims().build()), Map.of())))
			.andExpect(status().isCreated())
			.andReturn();
		Map<String, Object> json = JSONObjectUtils.parse(result.getResponse().getContentAsString());
		ArgumentCaptor<PartnerRegistration> stored = ArgumentCaptor.forClass(PartnerRegistration.class);
		verify(this.partners).insert(stored.capture());
		String clientId = (String) json.get("client_id");
		given(this.partners.findRegistration(clientId)).willReturn(Optional.of(stored.getValue()));
		return new RegisteredFixture(clientId, (String) json.get("registration_access_token"));
	}

	private static String body(String statement, Map<String, Object> members) {
		Map<String, Object> body = new LinkedHashMap<>(members);
		body.put("software_statement", statement);
		return JSONObjectUtils.toJSONString(body);
	}

	private record RegisteredFixture(String clientId, String token) {
	}

}
