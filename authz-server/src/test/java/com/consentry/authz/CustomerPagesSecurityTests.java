package com.consentry.authz;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.customer.CustomerLogins;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protections of the sign-in form that a browser test cannot see: CSRF and session
 * fixation.
 */
class CustomerPagesSecurityTests extends AuthorizationServerTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerLogins logins;

	@Autowired
	PasswordEncoder passwords;

	@Test
	@DisplayName("Issue 2 (customers): a sign-in POST without the CSRF token is refused")
	void signInWithoutCsrfTokenIsRefused() throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		http.send(HttpRequest.newBuilder(ISSUER.resolve("/login")).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(ISSUER.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-demo-pass"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	@DisplayName("Issue 2 (customers): signing in replaces the session id (session fixation)")
	void signInChangesSessionId() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(ISSUER.resolve("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String before = sessionId(cookies);
		String csrf = CustomerSession.hiddenFields(page.body())
			.stream()
			.filter((field) -> field.getKey().equals("_csrf"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(ISSUER.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-demo-pass&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).doesNotContain("error"));
		assertThat(sessionId(cookies)).isNotNull().isNotEqualTo(before);
	}

	@Test
	@DisplayName("Consent page: a consent state is useless to another customer, to view or to answer")
	void consentStateIsBoundToItsCustomer() {
		this.jdbc
			.sql("INSERT INTO bank.customer (customer_id, given_name, family_name) VALUES ('cust-carol', 'Carol', "
					+ "'Test') ON CONFLICT DO NOTHING")
			.update();
		this.logins.save("carol", "cust-carol", this.passwords.encode("carol-test-pass"));
		FapiTestClient partner = newPartner();
		String requestUri = pushStandardRequest(partner, new CodeVerifier());
		CustomerSession alice = new CustomerSession(ISSUER);
		HttpResponse<String> consentPage = alice.signIn(alice.get(authorizationUrl(partner, requestUri)), "alice",
				"alice-demo-pass");
		String state = CustomerSession.hiddenFields(consentPage.body())
			.stream()
			.filter((field) -> field.getKey().equals("state"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();

		CustomerSession carol = new CustomerSession(ISSUER);
		carol.signIn(carol.get(ISSUER.resolve("/login")), "carol", "carol-test-pass");
		HttpResponse<String> view = carol.get(ISSUER.resolve("/oauth2/consent?client_id=" + partner.clientId + "&state="
				+ URLEncoder.encode(state, StandardCharsets.UTF_8)));
		assertThat(view.statusCode()).isEqualTo(400);
		assertThat(view.body()).doesNotContain("accountIds");
		HttpResponse<String> answer = carol.decide(consentPage, List.of("acc-alice-chk-01"), "approve");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Location")).isEmpty();
		assertThat(this.jdbc.sql("SELECT status FROM consent.consent WHERE client_id = ?")
			.param(partner.clientId.getValue())
			.query(String.class)
			.single()).isEqualTo("AWAITING_AUTHORIZATION");
	}

	private static String sessionId(CookieManager cookies) {
		List<HttpCookie> all = cookies.getCookieStore().get(URI.create(ISSUER.toString()));
		return all.stream()
			.filter((c) -> c.getName().equals("SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

}
