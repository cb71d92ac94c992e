package com.consentry.authz;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bank whose policy allows plain responses
 * ({@code consentry.registry.allow-plain-responses=true}): an instance started with it,
 * on the shared database, advertises and accepts {@code query} beside JARM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainResponsePolicyTests extends AuthorizationServerTest {

	@Autowired
	EmbeddedPostgres database;

	@Autowired
	JdbcClient jdbc;

	ConfigurableApplicationContext lenient;

	URI lenientBase;

	@BeforeAll
	void startLenientInstance() {
		int port = freePort();
		this.lenientBase = URI.create("http://localhost:" + port);
		this.lenient = new SpringApplicationBuilder(AuthorizationServerApplication.class).profiles("test")
			.run("--server.port=" + port, "--consentry.issuer=" + ISSUER,
					"--spring.datasource.url=" + this.database.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres",
					"--consentry.registry.directory.jwks-uri=" + TestDirectory.shared().jwksUri(),
					"--consentry.registry.allow-plain-responses=true",
					// a second instance on an external database is no demo run: no demo
					// data, no auto-approval
					"--consentry.demo.enabled=false", "--consentry.registry.auto-approve=false",
					"--consentry.notification.allow-private-addresses=false");
	}

	@AfterAll
	void stopLenientInstance() {
		if (this.lenient != null) {
			this.lenient.close();
		}
	}

	@Test
	@DisplayName("RFC8414 §2, JARM §4: a bank that allows plain responses advertises query beside jwt and query.jwt")
	void metadataAdvertisesQuery() throws Exception {
		HTTPResponse response = new HTTPRequest(HTTPRequest.Method.GET,
				this.lenientBase.resolve("/.well-known/oauth-authorization-server"))
			.send();
		AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(response.getBodyAsJSONObject());

		assertThat(metadata.getResponseModes()).containsExactlyInAnyOrder(ResponseMode.JWT, ResponseMode.QUERY_JWT,
				ResponseMode.QUERY);
	}

	@Test
	@DisplayName("RFC9207 §2, FAPI2 SP §5.3.2.2(7): where allowed, a plain (query) response carries iss beside code and state")
	void plainResponseCarriesIss() throws Exception {
		FapiTestClient partner = FapiTestClient.register(ISSUER, this.lenientBase, TestDirectory.shared(),
				Map.of("response_modes", List.of("query", "jwt")));
		// the bank approves the partner, as an admin would
		this.jdbc.sql("UPDATE registry.partner SET status = 'ACTIVE' WHERE client_id = ?")
			.param(partner.clientId.getValue())
			.update();
		CodeVerifier verifier = new CodeVerifier();
		HTTPResponse pushed = partner
			.push(partner.authorizationRequest(verifier).responseMode(ResponseMode.QUERY).build());
		assertThat(pushed.getStatusCode()).as(pushed.getBody()).isEqualTo(201);
		String requestUri = PushedAuthorizationResponse.parse(pushed).toSuccessResponse().getRequestURI().toString();

		URI redirect = partnerRedirect(new CustomerSession(partner.endpoint("/"))
			.authorize(authorizationUrl(partner, requestUri), "alice", "alice-demo-pass", ALICE_ACCOUNTS, "approve"));

		UriComponents parameters = UriComponentsBuilder.fromUri(redirect).build();
		assertThat(parameters.getQueryParams().getFirst("iss")).isEqualTo(ISSUER.toString());
		assertThat(parameters.getQueryParams().getFirst("code")).isNotBlank();
		assertThat(parameters.getQueryParams().getFirst("state")).isNotBlank();
		assertThat(parameters.getQueryParams()).doesNotContainKey("response");
		assertThat(partner.redeem(parameters.getQueryParams().getFirst("code"), verifier).getStatusCode())
			.isEqualTo(200);
	}

}
