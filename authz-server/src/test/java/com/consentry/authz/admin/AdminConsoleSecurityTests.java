package com.consentry.authz.admin;

import java.io.IOException;
import java.net.CookieManager;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's protections over plain HTTP, for every console path: no admin sign-in
 * leads to the admin sign-in form, a customer's sign-in is 403, other spellings of a path
 * never get around either, CSRF on every form, and the password alone is not enough where
 * passkeys are required (as in these tests, as in production).
 */
class AdminConsoleSecurityTests extends AuthorizationServerTest {

	/** A console page marks itself with its navigation's brand. */
	private static final String CONSOLE_MARK = "Consentry bank console";

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/admin", "/admin/", "/admin/partners", "/admin/partners?status=PENDING&q=test",
			"/admin/partner?org=org-test-fintech", "/admin/partner/suspend?org=org-test-fintech", "/admin/passkeys",
			"/admin/alerts", "/admin/login/passkey", "/admin/no-such-page" })
	@DisplayName("Issue 10 (4): without an admin sign-in every console path answers with the admin sign-in form")
	void everyConsolePathAsksForTheAdminSignIn(String path) throws Exception {
		HttpResponse<String> response = send(noRedirects(), get(path));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/admin/login"));
		HttpResponse<String> form = send(noRedirects(), get("/admin/login"));
		assertThat(form.body()).contains("name=\"username\"").contains("name=\"password\"").doesNotContain("<nav");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/admin", "/admin/", "/admin/partners", "/admin/partners?status=PENDING&q=test",
			"/admin/partner?org=org-test-fintech", "/admin/partner/suspend?org=org-test-fintech", "/admin/passkeys",
			"/admin/alerts", "/admin/login/passkey", "/admin/no-such-page" })
	@DisplayName("Issue 10 (4): a signed-in customer gets 403 on every console path, never a console page")
	void signedInCustomerGetsForbidden(String path) {
		CustomerSession alice = signedInCustomer();

		HttpResponse<String> response = alice.get(ISSUER.resolve(path));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).doesNotContain(CONSOLE_MARK);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/%61dmin/partners", "/admin/%70artners", "/admin//partners", "//admin/partners",
			"/admin/./partners", "/admin/x/../partners", "/admin;x/partners", "/admin%2Fpartners", "/ADMIN/partners",
			"/admin/partners/", "/admin/partner%3Forg=org-test-fintech" })
	@DisplayName("Issue 10 (4): console paths under other spellings (encoded, doubled, dot segments, case) never show a console page, to nobody or to a customer")
	void otherSpellingsNeverShowAConsolePage(String path) {
		HttpResponse<String> anonymous = send(noRedirects(), get(path));
		assertThat(anonymous.statusCode()).as(anonymous.body()).isIn(302, 400, 404);
		assertThat(anonymous.body()).doesNotContain(CONSOLE_MARK);

		CustomerSession alice = signedInCustomer();
		HttpResponse<String> customer = alice.get(URI.create(ISSUER + path));
		assertThat(customer.statusCode()).as(customer.body()).isIn(400, 403, 404);
		assertThat(customer.body()).doesNotContain(CONSOLE_MARK);
	}

	@Test
	@DisplayName("Issue 10 (4): the admin sign-in form posted without its CSRF token is refused")
	void adminSignInWithoutCsrfTokenIsRefused() {
		HttpClient http = noRedirects();
		send(http, get("/admin/login"));

		HttpResponse<String> response = send(http,
				HttpRequest.newBuilder(ISSUER.resolve("/admin/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin-demo-pass"))
					.build());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	@DisplayName("Issue 10 (4): a console form posted without its CSRF token is refused and changes nothing")
	void consoleFormWithoutCsrfTokenIsRefused() {
		CustomerSession admin = new CustomerSession(ISSUER);
		signInAsAdmin(admin, "admin", "admin-demo-pass");
		String org = this.jdbc.sql("SELECT org_id FROM registry.partner LIMIT 1")
			.query(String.class)
			.optional()
			.orElse("org-test-fintech");
		int changesBefore = statusChanges(org);

		HttpResponse<String> response = admin.post("/admin/partner/suspend",
				List.of(Map.entry("org", org), Map.entry("reason", "no token")));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(statusChanges(org)).isEqualTo(changesBefore);
	}

	@Test
	@DisplayName("Issue 10 (4): admins and customers are separate stores: a customer's password is no admin sign-in, an admin's no customer sign-in")
	void adminsAndCustomersAreSeparate() {
		CustomerSession someone = new CustomerSession(ISSUER);
		HttpResponse<String> asAdmin = signInAsAdmin(someone, "alice", "alice-demo-pass");
		assertThat(asAdmin.uri().getPath()).isEqualTo("/admin/login");
		assertThat(asAdmin.uri().getQuery()).isEqualTo("error");

		CustomerSession other = new CustomerSession(ISSUER);
		HttpResponse<String> asCustomer = other.signIn(other.get(ISSUER.resolve("/login")), "admin", "admin-demo-pass");
		assertThat(asCustomer.uri().getPath()).isEqualTo("/login");
		assertThat(asCustomer.uri().getQuery()).isEqualTo("error");
	}

	@Test
	@DisplayName("Issue 10 (4): where passkeys are required, an admin's password alone opens no console page and leads to the passkey step, and is no customer sign-in")
	void passwordAloneIsNotEnoughWherePasskeysAreRequired() {
		CustomerSession admin = new CustomerSession(ISSUER);

		HttpResponse<String> afterPassword = signInAsAdmin(admin, "admin", "admin-demo-pass");

		assertThat(afterPassword.uri().getPath()).isEqualTo("/admin/login/passkey");
		assertThat(afterPassword.body()).contains("open a passkey enrolment").doesNotContain(CONSOLE_MARK);
		for (String path : List.of("/admin", "/admin/partners", "/admin/passkeys")) {
			HttpResponse<String> page = admin.get(ISSUER.resolve(path));
			assertThat(page.uri().getPath()).as(path).isEqualTo("/admin/login/passkey");
		}
		HttpResponse<String> account = admin.get(ISSUER.resolve("/account"));
		assertThat(account.uri().getPath()).isEqualTo("/login");
	}

	private CustomerSession signedInCustomer() {
		CustomerSession alice = new CustomerSession(ISSUER);
		HttpResponse<String> signedIn = alice.signIn(alice.get(ISSUER.resolve("/login")), "alice", "alice-demo-pass");
		assertThat(signedIn.uri().getQuery()).isNotEqualTo("error");
		return alice;
	}

	static HttpResponse<String> signInAsAdmin(CustomerSession browser, String username, String password) {
		HttpResponse<String> form = browser.get(ISSUER.resolve("/admin/login"));
		List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(CustomerSession.hiddenFields(form.body()));
		fields.add(Map.entry("username", username));
		fields.add(Map.entry("password", password));
		return browser.post("/admin/login", fields);
	}

	private int statusChanges(String org) {
		return this.jdbc.sql("SELECT count(*) FROM registry.partner_status_change WHERE org_id = ?")
			.param(org)
			.query(Integer.class)
			.single();
	}

	private static HttpClient noRedirects() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private static HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(ISSUER + path)).header("Accept", "text/html").GET().build();
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
