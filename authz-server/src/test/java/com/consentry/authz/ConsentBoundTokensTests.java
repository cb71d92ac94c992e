package com.consentry.authz;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.consentry.authz.support.Tokens;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens never outlive or exceed the consent they carry, and JARM is required unless the
 * bank allows plain responses (those are tested in {@link PlainResponsePolicyTests}).
 */
class ConsentBoundTokensTests extends AuthorizationServerTest {

	private static final String ONE_TIME = """
			[{"type":"fdx_v1.0","consentRequest":{"durationType":"ONE_TIME","lookbackPeriod":30,\
			"resources":[{"resourceType":"ACCOUNT","dataClusters":["ACCOUNT_BASIC"]}]}}]""";

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("FDX §1.2: a ONE_TIME consent gets no refresh token")
	void oneTimeConsentHasNoRefreshToken() throws Exception {
		FapiTestClient partner = newPartner();
		CodeVerifier verifier = new CodeVerifier();
		String requestUri = push(partner,
				partner.authorizationRequest(verifier).customParameter("authorization_details", ONE_TIME).build());
		HttpResponse<String> done = new CustomerSession(ISSUER).authorize(authorizationUrl(partner, requestUri),
				"alice", "alice-demo-pass", List.of("acc-alice-chk-01"), "approve");
		String code = (String) jarm(partner, partnerRedirect(done)).getClaim("code");
		HTTPResponse response = partner.redeem(code, verifier);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
		assertThat(response.getBodyAsJSONObject()).doesNotContainKey("refresh_token").containsKey("grant_id");
	}

	@Test
	@DisplayName("Issue 2 / FDX §1.5: refresh and access tokens never outlive the consent")
	void tokensNeverOutliveTheConsent() {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		Timestamp consentEnds = this.jdbc.sql("SELECT expires_at FROM consent.consent WHERE id = ?")
			.param(tokens.consentId())
			.query(Timestamp.class)
			.single();
		Timestamp refreshEnds = this.jdbc
			.sql("SELECT refresh_token_expires_at FROM authz.authorization "
					+ "WHERE refresh_token_hash = sha256(convert_to(?, 'UTF8'))")
			.param(tokens.refreshToken().getValue())
			.query(Timestamp.class)
			.single();
		assertThat(refreshEnds).isBeforeOrEqualTo(consentEnds);
		// a consent ending in a minute bounds the next tokens to that minute
		this.jdbc.sql("UPDATE consent.consent SET expires_at = now() + interval '60 seconds' WHERE id = ?")
			.param(tokens.consentId())
			.update();
		Tokens refreshed = Tokens.fromResponse(partner.refresh(tokens.refreshToken()));
		assertThat(refreshed.json().get("expires_in")).isInstanceOf(Number.class);
		assertThat(((Number) refreshed.json().get("expires_in")).longValue()).isLessThanOrEqualTo(60);
		Timestamp newRefreshEnds = this.jdbc
			.sql("SELECT refresh_token_expires_at FROM authz.authorization "
					+ "WHERE refresh_token_hash = sha256(convert_to(?, 'UTF8'))")
			.param(refreshed.refreshToken().getValue())
			.query(Timestamp.class)
			.single();
		assertThat(newRefreshEnds.getTime() - System.currentTimeMillis()).isLessThanOrEqualTo(61_000);
	}

	@Test
	@DisplayName("FAPI2 MS §5.4.1: JARM is required by default, so registering for plain query responses is refused")
	void plainResponseRegistrationIsRefused() {
		SignedJWT statement = TestDirectory.shared()
			.sign(Map.of("client_name", "Plain App", "redirect_uris", List.of(FapiTestClient.REDIRECT_URI), "jwks",
					new JWKSet(FapiTestClient.newKey("c").toPublicJWK()).toJSONObject(), "scope", "openid",
					"response_modes", List.of("query", "jwt")));

		ClientRegistrationResponse response = FapiTestClient.sendRegistration(ISSUER, statement);

		assertThat(response.indicatesSuccess()).isFalse();
		assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client_metadata");
	}

	@Test
	@DisplayName("FAPI2 MS §5.4.1: a client registered for plain query responses under an earlier policy is held to JARM at PAR")
	void plainResponseOfEarlierRegistrationIsRefused() {
		FapiTestClient partner = FapiTestClient.register(ISSUER, TestDirectory.shared(),
				Map.of("response_modes", List.of("jwt")));
		int changed = this.jdbc
			.sql("UPDATE authz.oauth2_registered_client SET client_settings = replace(client_settings, "
					+ "'\"settings.client.response-modes\":\"jwt\"', '\"settings.client.response-modes\":\"query jwt\"') "
					+ "WHERE client_id = ?")
			.param(partner.clientId.getValue())
			.update();
		assertThat(changed).isEqualTo(1);

		HTTPResponse response = partner
			.push(partner.authorizationRequest(new CodeVerifier()).responseMode(ResponseMode.QUERY).build());

		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(response.getBody()).contains("invalid_request").contains("response_mode");
	}

	@Test
	@DisplayName("JARM §2.3.1: response_mode query.jwt sends the signed response as the query parameter response")
	void queryJwtResponseMode() {
		FapiTestClient partner = FapiTestClient.register(ISSUER, TestDirectory.shared(),
				Map.of("response_modes", List.of("query.jwt")));
		CodeVerifier verifier = new CodeVerifier();
		String requestUri = push(partner,
				partner.authorizationRequest(verifier).responseMode(ResponseMode.QUERY_JWT).build());
		URI redirect = partnerRedirect(new CustomerSession(ISSUER).authorize(authorizationUrl(partner, requestUri),
				"alice", "alice-demo-pass", ALICE_ACCOUNTS, "approve"));
		String code = (String) jarm(partner, redirect).getClaim("code");
		assertThat(partner.redeem(code, verifier).getStatusCode()).isEqualTo(200);
	}

	private static String push(FapiTestClient partner, AuthorizationRequest request) {
		HTTPResponse response = partner.push(request);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
		try {
			return PushedAuthorizationResponse.parse(response).toSuccessResponse().getRequestURI().toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
