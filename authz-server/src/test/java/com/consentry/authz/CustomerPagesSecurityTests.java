package com.consentry.authz;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protections of the sign-in form that a browser test cannot see: CSRF and session fixation.
 */
class CustomerPagesSecurityTests extends AuthorizationServerTest {

	@Test
	@DisplayName("Issue 2 (customers): a sign-in POST without the CSRF token is refused")
	void signInWithoutCsrfTokenIsRefused() throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		http.send(HttpRequest.newBuilder(ISSUER.resolve("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
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
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).doesNotContain("error"));
		assertThat(sessionId(cookies)).isNotNull().isNotEqualTo(before);
	}

	private static String sessionId(CookieManager cookies) {
		List<HttpCookie> all = cookies.getCookieStore().get(URI.create(ISSUER.toString()));
		return all.stream().filter((c) -> c.getName().equals("SESSION")).map(HttpCookie::getValue).findFirst()
			.orElse(null);
	}

}
