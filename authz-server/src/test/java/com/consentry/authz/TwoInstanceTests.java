package com.consentry.authz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Date;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.consentry.authz.support.Tokens;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.Consents;
import com.consentry.consent.RevocationChannel;
import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances on one database, as behind a load balancer: single-use values used
 * on one are refused on the other, state made on one is usable on the other, and a
 * revocation through any channel on one ends the tokens on the other at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstanceTests extends AuthorizationServerTest {

	@Autowired
	EmbeddedPostgres database;

	@Autowired
	Consents consents;

	ConfigurableApplicationContext second;

	URI secondBase;

	FapiTestClient onFirst;

	FapiTestClient onSecond;

	@BeforeAll
	void startSecondInstance() {
		int port = freePort();
		this.secondBase = URI.create("http://localhost:" + port);
		this.second = new SpringApplicationBuilder(AuthorizationServerApplication.class).profiles("test")
			.run("--server.port=" + port, "--consentry.issuer=" + ISSUER,
					"--spring.datasource.url=" + this.database.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres",
					// an external database is no demo run: the first instance seeded the
					// demo data
					"--consentry.demo.enabled=false", "--consentry.registry.auto-approve=false",
					"--consentry.notification.allow-private-addresses=false",
					"--consentry.registry.directory.jwks-uri=" + TestDirectory.shared().jwksUri(),
					"--consentry.introspection.resource-servers[0].client-id=" + GATEWAY_CLIENT_ID,
					"--consentry.introspection.resource-servers[0].jwks="
							+ new JWKSet(GATEWAY_KEY.toPublicJWK()).toString());
	}

	@AfterAll
	void stopSecondInstance() {
		if (this.second != null) {
			this.second.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.onFirst = newPartner();
		assertThat(this.onFirst.push(this.onFirst.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.isEqualTo(201);
		this.onSecond = this.onFirst.via(this.secondBase);
	}

	@Test
	@DisplayName("Shared state: a request pushed to one instance is authorized and redeemed on the other")
	void stateIsShared() {
		CodeVerifier verifier = new CodeVerifier();
		String requestUri = pushStandardRequest(this.onFirst, verifier);
		HttpResponse<String> done = new CustomerSession(this.secondBase).authorize(
				authorizationUrl(this.onSecond, requestUri), "alice", "alice-demo-pass", ALICE_ACCOUNTS, "approve");
		String code = (String) jarm(this.onFirst, partnerRedirect(done)).getClaim("code");
		Tokens tokens = Tokens.fromResponse(this.onFirst.redeem(code, verifier));
		assertThat(tokens.consentId()).isNotBlank();
	}

	@Test
	@DisplayName("Shared sessions: a customer who signed in on one instance consents on the other")
	void customerSessionIsShared() {
		CodeVerifier verifier = new CodeVerifier();
		String requestUri = pushStandardRequest(this.onFirst, verifier);
		CustomerSession alice = new CustomerSession(ISSUER);
		HttpResponse<String> consentPage = alice.signIn(alice.get(authorizationUrl(this.onFirst, requestUri)), "alice",
				"alice-demo-pass");
		assertThat(consentPage.body()).contains("name=\"decision\"");
		HttpResponse<String> done = alice.via(this.secondBase).decide(consentPage, ALICE_ACCOUNTS, "approve");
		String code = (String) jarm(this.onFirst, partnerRedirect(done)).getClaim("code");
		assertThat(Tokens.fromResponse(this.onSecond.redeem(code, verifier)).consentId()).isNotBlank();
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.2(9): a code redeemed on one instance is refused on the other")
	void codeIsSingleUseAcrossInstances() {
		CodeVerifier verifier = new CodeVerifier();
		String code = authorizationCode(this.onFirst, verifier);
		assertThat(this.onFirst.redeem(code, verifier).getStatusCode()).isEqualTo(200);
		HTTPResponse again = this.onSecond.redeem(code, verifier);
		assertThat(again.getStatusCode()).isEqualTo(400);
		assertThat(again.getBody()).contains("invalid_grant");
	}

	@Test
	@DisplayName("RFC9126 §4: a request_uri used on one instance is refused on the other")
	void requestUriIsSingleUseAcrossInstances() {
		String requestUri = pushStandardRequest(this.onFirst, new CodeVerifier());
		partnerRedirect(new CustomerSession(ISSUER).authorize(authorizationUrl(this.onFirst, requestUri), "alice",
				"alice-demo-pass", ALICE_ACCOUNTS, "approve"));
		CustomerSession alice = new CustomerSession(this.secondBase);
		assertThat(alice.get(authorizationUrl(this.onSecond, requestUri)).statusCode()).isEqualTo(400);
		alice.signIn(alice.get(this.secondBase.resolve("/login")), "alice", "alice-demo-pass");
		assertThat(alice.get(authorizationUrl(this.onSecond, requestUri)).statusCode()).isEqualTo(400);
	}

	@Test
	@DisplayName("RFC7523 §3(7): a client assertion used on one instance is refused on the other")
	void clientAssertionIsSingleUseAcrossInstances() {
		ClientAuthentication once = this.onFirst.clientAuthentication();
		assertThat(push(this.onFirst, once).getStatusCode()).isEqualTo(201);
		HTTPResponse replay = push(this.onSecond, once);
		assertThat(replay.getStatusCode()).isEqualTo(401);
		assertThat(replay.getBody()).contains("invalid_client");
	}

	@Test
	@DisplayName("RFC9449 §11.1: a DPoP proof used on one instance is refused on the other; nonces work on both")
	void dpopProofIsSingleUseAcrossInstances() throws Exception {
		SignedJWT proof = this.onFirst.proofFactory()
			.createDPoPJWT(new JWTID(), "POST", ISSUER.resolve("/oauth2/par"), new Date(), null,
					new Nonce(this.onFirst.nonce()));
		assertThat(pushWithProof(this.onFirst, proof).getStatusCode()).isEqualTo(201);
		HTTPResponse replay = pushWithProof(this.onSecond, proof);
		assertThat(replay.getStatusCode()).isEqualTo(400);
		assertThat(replay.getBody()).contains("invalid_dpop_proof");
	}

	@ParameterizedTest
	@EnumSource(RevocationChannel.class)
	@DisplayName("FDX Security Model (immediate token revocation): a revocation on one instance ends refresh and introspection at once on the other")
	void revokeOnOneInstanceThenTokensEndOnTheOther(RevocationChannel channel) throws Exception {
		FapiTestClient partner = newPartner();
		Tokens granted = Tokens.obtain(partner);
		ConsentId consentId = new ConsentId(granted.consentId());
		FapiTestClient partnerOnSecond = partner.via(this.secondBase);
		FapiTestClient gatewayOnSecond = gateway().via(this.secondBase);
		Tokens tokens = Tokens.fromResponse(partnerOnSecond.refresh(granted.refreshToken()));
		assertThat(introspect(gatewayOnSecond, tokens.accessToken()).get("active")).isEqualTo(true);

		revokeOnFirst(channel, partner, tokens, consentId);

		HTTPResponse refresh = partnerOnSecond.refresh(tokens.refreshToken());
		assertThat(refresh.getStatusCode()).as(channel + ": " + refresh.getBody()).isIn(400, 401);
		assertThat(introspect(gatewayOnSecond, tokens.accessToken()).get("active")).as(channel.name()).isEqualTo(false);
		assertThat(this.consents.find(consentId).orElseThrow().status()).isEqualTo(ConsentStatus.REVOKED);
	}

	private void revokeOnFirst(RevocationChannel channel, FapiTestClient partner, Tokens tokens, ConsentId consentId) {
		switch (channel) {
			case PARTNER -> {
				HTTPResponse revoked = partner.sendWithProof(() -> {
					HTTPRequest request = new HTTPRequest(HTTPRequest.Method.PUT,
							partner.endpoint("/fdx/v6/consents/" + consentId.value() + "/revocation"));
					request.setAuthorization("DPoP " + tokens.accessToken().getValue());
					request.setHeader("x-fapi-interaction-id", "two-instance-revocation");
					request.setEntityContentType(ContentType.APPLICATION_JSON);
					request.setBody("{\"reason\":\"USER_ACTION\",\"initiator\":\"DATA_RECIPIENT\"}");
					return request;
				}, tokens.accessToken());
				assertThat(revoked.getStatusCode()).as(revoked.getBody()).isEqualTo(204);
			}
			case CUSTOMER -> {
				CustomerSession alice = new CustomerSession(ISSUER);
				alice.signIn(alice.get(ISSUER.resolve("/account")), "alice", "alice-demo-pass");
				HttpResponse<String> confirmation = alice
					.get(ISSUER.resolve("/account/consents/" + consentId.value() + "/revoke"));
				HttpResponse<String> done = alice.post("/account/consents/" + consentId.value() + "/revoke",
						CustomerSession.hiddenFields(confirmation.body()));
				assertThat(done.body()).contains("Sharing stopped");
			}
			case BANK -> this.consents.revokeByBank(consentId, ConsentUpdateReason.BUSINESS_RULE);
			case REGISTRY -> {
				HTTPRequest delete = new HTTPRequest(HTTPRequest.Method.DELETE,
						ISSUER.resolve("/register/" + partner.clientId));
				delete.setAuthorization("Bearer " + partner.registrationAccessToken);
				try {
					assertThat(delete.send().getStatusCode()).isEqualTo(204);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	private static HTTPResponse push(FapiTestClient client, ClientAuthentication authentication) {
		return client.sendWithProof(() -> new PushedAuthorizationRequest(client.endpoint("/oauth2/par"), authentication,
				client.authorizationRequest(new CodeVerifier()).build())
			.toHTTPRequest(), null);
	}

	private static HTTPResponse pushWithProof(FapiTestClient client, SignedJWT proof) throws Exception {
		HTTPRequest request = new PushedAuthorizationRequest(client.endpoint("/oauth2/par"),
				client.clientAuthentication(), client.authorizationRequest(new CodeVerifier()).build())
			.toHTTPRequest();
		request.setDPoP(proof);
		return request.send();
	}

}
