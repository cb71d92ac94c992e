package com.consentry.authz;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's access token in a partner's hands is no sign-in: at the authorization
 * endpoint and its consent step only the customer's own form sign-in (the session) is a
 * principal.
 *
 * @see UserInfoSecurityConfiguration
 */
class AccessTokenIsNoSignInTests extends AuthorizationServerTest {

	private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "Authorization: {0} <token>")
	@ValueSource(strings = { "DPoP", "Bearer" })
	@DisplayName("Issue 6 (3): the authorization endpoint with the customer's access token and no session is refused (401), never taken to the consent step")
	void authorizeWithAccessTokenAndNoSessionAsksForSignIn(String scheme) throws Exception {
		FapiTestClient partner = newPartner();
		Tokens alice = Tokens.obtain(partner);
		String requestUri = pushStandardRequest(partner, new CodeVerifier());
		URI authorizationUrl = authorizationUrl(partner, requestUri);

		HttpResponse<String> response = http.send(HttpRequest.newBuilder(authorizationUrl)
			.header("Authorization", scheme + " " + alice.accessToken().getValue())
			.header("DPoP", partner.proof("GET", ISSUER.resolve("/oauth2/authorize"), alice.accessToken()).serialize())
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(consentStatus(partner)).containsExactlyInAnyOrder("ACTIVE", "AWAITING_AUTHORIZATION");
	}

	@ParameterizedTest(name = "Authorization: {0} <token>")
	@ValueSource(strings = { "DPoP", "Bearer" })
	@DisplayName("Issue 6 (3): a consent approval posted with the customer's access token and no session is refused; the consent stays unanswered")
	void consentApprovalWithAccessTokenAndNoSessionIsRefused(String scheme) throws Exception {
		FapiTestClient partner = newPartner();
		Tokens alice = Tokens.obtain(partner);
		String requestUri = pushStandardRequest(partner, new CodeVerifier());
		// the partner learns the consent form's fields (state and all) from a real
		// customer's page
		CustomerSession customer = new CustomerSession(ISSUER);
		HttpResponse<String> consentPage = customer.signIn(customer.get(authorizationUrl(partner, requestUri)), "alice",
				"alice-demo-pass");
		List<Map.Entry<String, String>> form = new ArrayList<>(CustomerSession.hiddenFields(consentPage.body()));
		ALICE_ACCOUNTS.forEach((id) -> form.add(Map.entry("accountIds", id)));
		form.add(Map.entry("decision", "approve"));

		HttpResponse<String> response = http.send(HttpRequest.newBuilder(ISSUER.resolve("/oauth2/authorize"))
			.header("Authorization", scheme + " " + alice.accessToken().getValue())
			.header("DPoP", partner.proof("POST", ISSUER.resolve("/oauth2/authorize"), alice.accessToken()).serialize())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.headers().firstValue("Location").orElse("")).doesNotStartWith(FapiTestClient.REDIRECT_URI);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(consentStatus(partner)).containsExactlyInAnyOrder("ACTIVE", "AWAITING_AUTHORIZATION");
	}

	private List<String> consentStatus(FapiTestClient partner) {
		return this.jdbc.sql("SELECT status FROM consent.consent WHERE client_id = ?")
			.param(partner.clientId.getValue())
			.query(String.class)
			.list();
	}

	private static String formBody(List<Map.Entry<String, String>> form) {
		return form.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
