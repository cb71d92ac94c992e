package com.consentry.authz;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code private_key_jwt} as FAPI 2.0 Final holds it (SP §5.3.2.1(6,8,13)).
 */
class ClientAuthenticationTests extends AuthorizationServerTest {

	@Autowired
	JdbcClient jdbc;

	FapiTestClient partner;

	@BeforeEach
	void setUp() {
		this.partner = newPartner();
		assertThat(push(this.partner.clientAuthentication()).getStatusCode()).isEqualTo(201);
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1(8): refuses a client assertion whose aud is the PAR endpoint URL")
	void endpointAudienceIsRefused() throws Exception {
		assertInvalidClient(push(assertion(List.of(new Audience(this.partner.endpoint("/oauth2/par"))))));
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1(8): refuses a client assertion whose aud is an array, even one holding the issuer")
	void arrayAudienceIsRefused() throws Exception {
		assertInvalidClient(push(assertion(List.of(new Audience(ISSUER), new Audience("https://other.example")))));
	}

	@Test
	@DisplayName("RFC7523 §3(9): refuses a client assertion signed by a key the client did not register")
	void foreignKeyIsRefused() throws Exception {
		ECKey foreign = FapiTestClient.newKey("foreign");
		ClientAuthentication forged = new PrivateKeyJWT(this.partner.clientId, ISSUER, JWSAlgorithm.ES256,
				foreign.toECPrivateKey(), this.partner.clientKey.getKeyID(), null);
		assertInvalidClient(push(forged));
	}

	@Test
	@DisplayName("RFC7523 §3(7): refuses a replayed client assertion")
	void replayedAssertionIsRefused() {
		ClientAuthentication once = this.partner.clientAuthentication();
		assertThat(push(once).getStatusCode()).isEqualTo(201);
		assertInvalidClient(push(once));
	}

	@Test
	@DisplayName("RFC6749 §5.2: a partner that is not ACTIVE is refused with unauthorized_client once authenticated")
	void suspendedPartnerIsRefused() {
		String orgId = newOrgId();
		this.partner = newPartnerOfOwnOrganisation(ISSUER, orgId);
		this.jdbc.sql("UPDATE registry.partner SET status = 'SUSPENDED' WHERE org_id = ?").param(orgId).update();
		HTTPResponse response = push(this.partner.clientAuthentication());
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
		assertThat(response.getBody()).contains("unauthorized_client");
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1(13): refuses a client assertion issued more than 10 s in the future")
	void futureAssertionIsRefused() throws Exception {
		Date now = new Date();
		assertInvalidClient(push(assertion(new Date(now.getTime() + 120_000), new Date(now.getTime() + 70_000))));
	}

	@Test
	@DisplayName("Issue 2 (short exp): refuses a client assertion that lives longer than five minutes")
	void longLivedAssertionIsRefused() throws Exception {
		Date now = new Date();
		assertInvalidClient(push(assertion(new Date(now.getTime() + 3_600_000), now)));
	}

	@Test
	@DisplayName("RFC7591 §5 (SSRF): a jwks_uri that resolves to loopback is never fetched; the client is refused")
	void jwksUriOnLoopbackIsNeverFetched() throws Exception {
		try (ServerSocket internal = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			ECKey clientKey = FapiTestClient.newKey("client");
			Map<String, Object> metadata = new HashMap<>(FapiTestClient.statementMetadata(clientKey));
			metadata.remove("jwks");
			metadata.put("jwks_uri", "https://localhost:" + internal.getLocalPort() + "/jwks.json");
			FapiTestClient victim = FapiTestClient.register(ISSUER, ISSUER, clientKey,
					TestDirectory.shared().sign(metadata));
			URI par = victim.endpoint("/oauth2/par");

			HTTPResponse response = victim
				.sendWithProof(() -> new PushedAuthorizationRequest(par, victim.clientAuthentication(),
						victim.authorizationRequest(new CodeVerifier()).build())
					.toHTTPRequest(), null);

			assertInvalidClient(response);
			internal.setSoTimeout(500);
			assertThatExceptionOfType(SocketTimeoutException.class).as("the server connected to the internal address")
				.isThrownBy(() -> internal.accept().close());
		}
	}

	private ClientAuthentication assertion(Date expiresAt, Date issuedAt) throws Exception {
		JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(this.partner.clientId,
				List.of(new Audience(ISSUER)), expiresAt, null, issuedAt, new JWTID());
		return new PrivateKeyJWT(claims, JWSAlgorithm.ES256, this.partner.clientKey.toECPrivateKey(),
				this.partner.clientKey.getKeyID(), null);
	}

	private ClientAuthentication assertion(List<Audience> audience) throws Exception {
		Date now = new Date();
		JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(this.partner.clientId, audience,
				new Date(now.getTime() + 60_000), null, now, new JWTID());
		return new PrivateKeyJWT(claims, JWSAlgorithm.ES256, this.partner.clientKey.toECPrivateKey(),
				this.partner.clientKey.getKeyID(), null);
	}

	private HTTPResponse push(ClientAuthentication authentication) {
		URI par = this.partner.endpoint("/oauth2/par");
		return this.partner.sendWithProof(() -> new PushedAuthorizationRequest(par, authentication,
				this.partner.authorizationRequest(new CodeVerifier()).build())
			.toHTTPRequest(), null);
	}

	private static void assertInvalidClient(HTTPResponse response) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(401);
		assertThat(response.getBody()).contains("invalid_client");
	}

}
