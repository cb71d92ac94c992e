package com.consentry.authz;

import java.net.URI;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens after issue: introspection, revocation, refresh, code reuse, the consent's
 * effect.
 */
class TokenLifecycleTests extends AuthorizationServerTest {

	@Autowired
	JdbcClient jdbc;

	FapiTestClient gateway;

	FapiTestClient partner;

	@BeforeEach
	void setUp() {
		this.gateway = gateway();
		this.partner = newPartner();
	}

	@Test
	@DisplayName("RFC7662 §2.2 + RFC9449 §6.2: introspection by the gateway returns active, cnf.jkt, client_id, sub and fdxConsentId")
	void introspectionReturnsTokenClaims() throws Exception {
		Tokens tokens = Tokens.obtain(this.partner);
		Map<String, Object> answer = introspect(this.gateway, tokens.accessToken());
		assertThat(answer.get("active")).isEqualTo(true);
		assertThat(answer.get("client_id")).isEqualTo(this.partner.clientId.getValue());
		assertThat(answer.get("sub")).isEqualTo("cust-alice-0001");
		assertThat(answer.get("fdxConsentId")).isEqualTo(tokens.consentId());
		assertThat(((Map<?, ?>) answer.get("cnf")).get("jkt"))
			.isEqualTo(this.partner.dpopKey.computeThumbprint().toString());
		assertThat(answer.get("token_type")).isEqualTo("DPoP");
		assertThat(answer.get("scope")).as("RFC 7662 §2.2: a space-separated string").isEqualTo("openid");
	}

	@Test
	@DisplayName("FAPI2 MS §6.2: a partner client may not introspect tokens")
	void introspectionByPartnerIsRefused() {
		Tokens tokens = Tokens.obtain(this.partner);
		HTTPResponse response = this.partner
			.send(() -> new TokenIntrospectionRequest(this.partner.endpoint("/oauth2/introspect"),
					this.partner.clientAuthentication(), tokens.accessToken())
				.toHTTPRequest());
		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(response.getBody()).contains("unauthorized_client");
	}

	@Test
	@DisplayName("FDX: introspection answers active false once the consent is no longer ACTIVE, and refresh is refused")
	void endedConsentDeactivatesTokens() throws Exception {
		Tokens tokens = Tokens.obtain(this.partner);
		this.jdbc.sql("UPDATE consent.consent SET status = 'REVOKED' WHERE id = ?").param(tokens.consentId()).update();
		assertThat(introspect(this.gateway, tokens.accessToken()).get("active")).isEqualTo(false);
		HTTPResponse refresh = this.partner.refresh(tokens.refreshToken());
		assertThat(refresh.getStatusCode()).isEqualTo(400);
		assertThat(refresh.getBody()).contains("invalid_grant");
	}

	@Test
	@DisplayName("RFC7009 §2.1: revoking the refresh token with client authentication (no DPoP) ends the grant")
	void revocationEndsGrant() throws Exception {
		Tokens tokens = Tokens.obtain(this.partner);
		HTTPResponse revoked = new TokenRevocationRequest(this.partner.endpoint("/oauth2/revoke"),
				this.partner.clientAuthentication(), tokens.refreshToken())
			.toHTTPRequest()
			.send();
		assertThat(revoked.getStatusCode()).isEqualTo(200);
		assertThat(introspect(this.gateway, tokens.accessToken()).get("active")).isEqualTo(false);
		assertThat(this.partner.refresh(tokens.refreshToken()).getBody()).contains("invalid_grant");
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.2(9): a reused code is refused and the tokens issued with it are revoked")
	void reusedCodeRevokesTokens() throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		String code = authorizationCode(this.partner, verifier);
		Tokens first = Tokens.fromResponse(this.partner.redeem(code, verifier));
		HTTPResponse second = this.partner.redeem(code, verifier);
		assertThat(second.getStatusCode()).isEqualTo(400);
		assertThat(second.getBody()).contains("invalid_grant");
		assertThat(introspect(this.gateway, first.accessToken()).get("active")).isEqualTo(false);
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1(11): authorization codes live at most 60 seconds")
	void codesAreShortLived() {
		CodeVerifier verifier = new CodeVerifier();
		String code = authorizationCode(this.partner, verifier);
		Long lifetime = this.jdbc
			.sql("SELECT extract(epoch FROM code_expires_at - code_issued_at)::bigint "
					+ "FROM authz.authorization WHERE code_hash = sha256(convert_to(?, 'UTF8'))")
			.param(code)
			.query(Long.class)
			.single();
		assertThat(lifetime).isPositive().isLessThanOrEqualTo(60);
	}

	@Test
	@DisplayName("RFC9449 §5: a refresh token can only be used with the DPoP key it is bound to")
	void refreshNeedsTheBoundKey() {
		Tokens tokens = Tokens.obtain(this.partner);
		FapiTestClient thief = FapiTestClient.existing(ISSUER, this.partner.clientId.getValue(),
				this.partner.clientKey);
		HTTPResponse refresh = thief.refresh(tokens.refreshToken());
		assertThat(refresh.getStatusCode()).isEqualTo(400);
		assertThat(refresh.getBody()).contains("invalid_grant");
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1(4), RFC9449 §5: a token request without a DPoP proof gets no (bearer) token")
	void tokenRequestWithoutProofIsRefused() throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		String code = authorizationCode(this.partner, verifier);
		HTTPResponse response = this.partner.send(() -> new TokenRequest(this.partner.endpoint("/oauth2/token"),
				this.partner.clientAuthentication(), new AuthorizationCodeGrant(new AuthorizationCode(code),
						URI.create(FapiTestClient.REDIRECT_URI), verifier))
			.toHTTPRequest());
		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(response.getBody()).contains("invalid_dpop_proof");
	}

	@Test
	@DisplayName("RFC9449 §7.2: a DPoP-bound access token presented as a Bearer token is refused at userinfo")
	void bearerUseOfDpopTokenIsRefused() throws Exception {
		Tokens tokens = Tokens.obtain(this.partner);
		HTTPResponse response = new UserInfoRequest(this.partner.endpoint("/userinfo"),
				new BearerAccessToken(tokens.accessToken().getValue()))
			.toHTTPRequest()
			.send();
		assertThat(response.getStatusCode()).isEqualTo(401);
		assertThat(response.getHeaderValue("WWW-Authenticate")).startsWith("DPoP").contains("invalid_token");
	}

	@Test
	@DisplayName("RFC9449 §4.3(12): a proof whose ath is not the presented token's hash is refused at userinfo")
	void wrongAthIsRefused() throws Exception {
		Tokens tokens = Tokens.obtain(this.partner);
		Tokens other = Tokens.obtain(this.partner);
		HTTPResponse response = this.partner.send(() -> {
			HTTPRequest request = new UserInfoRequest(this.partner.endpoint("/userinfo"), tokens.accessToken())
				.toHTTPRequest();
			request.setDPoP(this.partner.proof("GET", this.partner.endpoint("/userinfo"), other.accessToken()));
			return request;
		});
		assertThat(response.getStatusCode()).isEqualTo(401);
		assertThat(response.getHeaderValue("WWW-Authenticate")).contains("invalid_dpop_proof");
	}

	@Test
	@DisplayName("RFC9449 §4.3(12), §7.1: a proof made with another key than the token's cnf.jkt is refused at userinfo")
	void proofWithOtherKeyIsRefusedAtUserinfo() {
		Tokens tokens = Tokens.obtain(this.partner);
		FapiTestClient otherKey = FapiTestClient.existing(ISSUER, this.partner.clientId.getValue(),
				this.partner.clientKey);
		HTTPResponse response = otherKey.sendWithProof(
				() -> new UserInfoRequest(otherKey.endpoint("/userinfo"), tokens.accessToken()).toHTTPRequest(),
				tokens.accessToken());
		assertThat(response.getStatusCode()).isEqualTo(401);
		assertThat(response.getHeaderValue("WWW-Authenticate")).startsWith("DPoP");
	}

}
