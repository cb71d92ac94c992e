package com.consentry.authz.admin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.consentry.authz.admin.overview.TokenIssuanceCounts;
import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.HeadlessChromium;
import com.consentry.authz.support.TestDirectory;
import com.consentry.authz.support.Tokens;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank admin console in a real headless Chromium, with Selenium's virtual
 * authenticator as the admin's passkey device: an admin the bank opened a passkey
 * enrolment for signs in with the password, enrols a passkey, signs in with both,
 * approves a pending partner, suspends it with a reason, and the partner's next token
 * request fails; the overview draws its charts from what the test created; a signed-in
 * customer never sees a console page.
 */
class AdminConsoleBrowserTests extends AuthorizationServerTest {

	@RegisterExtension
	static final HeadlessChromium browser = new HeadlessChromium();

	private static final Duration PAGE_WAIT = Duration.ofSeconds(15);

	@Autowired
	BankAdmins admins;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TokenIssuanceCounts tokenCounts;

	@Test
	@DisplayName("Issue 10 (4), WebAuthn L3 §7: the admin signs in with password and passkey, approves a pending partner, suspends it with a reason, and the partner's next token request fails")
	void adminApprovesAndSuspendsAPartner() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "console-" + suffix;
		this.admins.saveIfAbsent(username, "Console Tester", this.passwords.encode("console-pass-" + suffix),
				Instant.now());
		this.admins.openPasskeyEnrolment(username, Instant.now().plusSeconds(600));
		String org = "org-console-" + suffix;
		FapiTestClient partner = registerPartner(org, "Console Co " + suffix, "Console App " + suffix);
		// a bank that approves partners itself: the partner waits for the admin
		this.jdbc.sql("UPDATE registry.partner SET status = 'PENDING' WHERE org_id = ?").param(org).update();
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = browser.addPasskeyDevice();
		try {
			// first sign-in: password, then the enrolment the bank opened
			signInWithPassword(driver, username, "console-pass-" + suffix);
			waitForPath(driver, "/admin/login/passkey");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("no passkey");
			driver.findElement(By.linkText("Enrol a passkey")).click();
			waitForPath(driver, "/admin/passkeys");
			driver.findElement(By.id("label")).sendKeys("virtual authenticator");
			driver.findElement(By.id("passkey-enrol")).click();
			wait(driver).until((d) -> d.findElement(By.tagName("main")).getText().contains("virtual authenticator"));
			assertThat(authenticator.getCredentials()).hasSize(1);
			assertThat(enrolmentWindowOpen(username)).as("the enrolment window is single use").isFalse();

			// from now on: password and passkey
			driver.findElement(By.linkText("sign in with it")).click();
			waitForPath(driver, "/admin/login/passkey");
			driver.findElement(By.id("passkey-sign-in")).click();
			waitForPath(driver, "/admin");
			assertThat(driver.getTitle()).isEqualTo("Overview · Bank console");

			// approve the pending partner
			driver.get(ISSUER.resolve("/admin/partners?status=PENDING").toString());
			WebElement row = driver.findElement(By.cssSelector("tr[data-org='" + org + "']"));
			assertThat(row.getText()).contains("Console Co " + suffix).contains("Console App " + suffix);
			row.findElement(By.linkText("Console Co " + suffix)).click();
			waitForPath(driver, "/admin/partner");
			driver.findElement(By.id("action-approve")).click();
			waitForPath(driver, "/admin/partner/approve");
			assertThat(driver.findElement(By.id("effect")).getText()).contains("lets 1 application");
			driver.findElement(By.id("reason")).sendKeys("Contract signed, due diligence done");
			driver.findElement(By.id("confirm")).click();
			waitForPath(driver, "/admin/partner");
			assertThat(driver.findElement(By.id("partner-status")).getText()).isEqualTo("ACTIVE");

			// the partner works, then the admin suspends it
			Tokens tokens = Tokens.obtain(partner);
			driver.navigate().refresh();
			assertThat(driver.findElement(By.cssSelector("#consents td[data-status='ACTIVE']")).getText())
				.isEqualTo("1");
			driver.findElement(By.id("action-suspend")).click();
			waitForPath(driver, "/admin/partner/suspend");
			assertThat(driver.findElement(By.id("effect")).getText())
				.contains("refuses new authorization, token and refresh requests of 1 application")
				.contains("keeps 1 active consent;");
			driver.findElement(By.id("reason")).sendKeys("Security incident reported by the partner");
			driver.findElement(By.id("confirm")).click();
			waitForPath(driver, "/admin/partner");
			assertThat(driver.findElement(By.id("partner-status")).getText()).isEqualTo("SUSPENDED");
			assertThat(driver.findElement(By.id("history")).getText()).contains("ACTIVE → SUSPENDED")
				.contains("admin:" + username)
				.contains("Security incident reported by the partner");

			HTTPResponse refused = partner.refresh(tokens.refreshToken());
			assertThat(refused.getStatusCode()).as(refused.getBody()).isIn(400, 401);
			assertThat(refused.getBody()).doesNotContain("access_token");

			List<Map<String, Object>> recorded = this.jdbc
				.sql("SELECT action, outcome, actor, reason, correlation_id FROM authz.admin_action "
						+ "WHERE target_id = ? ORDER BY id")
				.param(org)
				.query()
				.listOfRows();
			assertThat(recorded).extracting((r) -> r.get("action"))
				.containsExactly("PARTNER_APPROVE", "PARTNER_SUSPEND");
			assertThat(recorded).allSatisfy((r) -> {
				assertThat(r.get("outcome")).isEqualTo("SUCCEEDED");
				assertThat(r.get("actor")).isEqualTo("admin:" + username);
				assertThat((String) r.get("correlation_id")).isNotBlank();
			});
			assertThat(recorded.get(1).get("reason")).isEqualTo("Security incident reported by the partner");
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	@Test
	@DisplayName("Issue 10 (4): a console form posted from the signed-in admin's browser without its CSRF token is refused and changes nothing")
	void formPostWithoutCsrfTokenIsRefused() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String org = "org-console-csrf-" + suffix;
		registerPartner(org, "Csrf Co " + suffix, "Csrf App " + suffix);
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = browser.addPasskeyDevice();
		try {
			signInWithPasskeyAsNewAdmin(driver, suffix);

			Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					fetch('/admin/partner/suspend', { method: 'POST', credentials: 'same-origin',
					  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					  body: 'org=' + encodeURIComponent(arguments[0]) + '&reason=forged' })
					  .then((r) => done(r.status), (e) => done(String(e)));
					""", org);

			assertThat(status).isEqualTo(403L);
			assertThat(this.jdbc.sql("SELECT DISTINCT status FROM registry.partner WHERE org_id = ?")
				.param(org)
				.query(String.class)
				.single()).isEqualTo("ACTIVE");
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	@Test
	@DisplayName("Issue 10 (4): the overview draws partners by status, consents granted per day and token requests per partner from real data")
	void overviewChartsShowRealData() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String org = "org-console-chart-" + suffix;
		String app = "Chart App " + suffix;
		FapiTestClient partner = registerPartner(org, "Chart Co " + suffix, app);
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = browser.addPasskeyDevice();
		try {
			signInWithPasskeyAsNewAdmin(driver, suffix);
			long grantedBefore = Long.parseLong(driver.findElement(By.id("consents-granted")).getText());

			Tokens tokens = Tokens.obtain(partner);
			Tokens.fromResponse(partner.refresh(tokens.refreshToken()));
			this.tokenCounts.flush();
			driver.navigate().refresh();

			WebElement tokenChart = driver.findElement(By.cssSelector("svg[data-chart='tokens-per-partner']"));
			assertThat(tokenChart.findElements(By.tagName("rect"))).isNotEmpty();
			String label = app + " (Chart Co " + suffix + ")";
			assertThat(tokenChart.findElements(By.tagName("title"))).extracting((t) -> t.getAttribute("textContent"))
				.contains(label + ": 2");
			assertThat(Long.parseLong(driver.findElement(By.id("consents-granted")).getText()))
				.isEqualTo(grantedBefore + 1);
			WebElement consentChart = driver.findElement(By.cssSelector("svg[data-chart='consents-per-day']"));
			assertThat(consentChart.findElements(By.cssSelector("rect.granted"))).hasSize(30);
			WebElement statusChart = driver.findElement(By.cssSelector("svg[data-chart='partners-by-status']"));
			long active = Long.parseLong(driver.findElement(By.cssSelector("td[data-status='ACTIVE']")).getText());
			assertThat(active).isPositive();
			assertThat(statusChart.findElements(By.tagName("title"))).extracting((t) -> t.getAttribute("textContent"))
				.contains("ACTIVE, partners: " + active);
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	@Test
	@DisplayName("Issue 10 (4): a customer signed in in the browser opens no console page: 403")
	void signedInCustomerCannotOpenTheConsole() {
		WebDriver driver = browser.driver();
		driver.get(ISSUER.resolve("/account").toString());
		waitForPath(driver, "/login");
		driver.findElement(By.name("username")).sendKeys("alice");
		driver.findElement(By.name("password")).sendKeys("alice-demo-pass");
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitForPath(driver, "/account");

		for (String path : List.of("/admin", "/admin/partners", "/admin/partner?org=org-test-fintech",
				"/admin/passkeys")) {
			driver.get(ISSUER.resolve(path).toString());
			assertThat(driver.getTitle()).as(path).isEqualTo("Something went wrong");
			assertThat(driver.findElement(By.tagName("main")).getText()).as(path).contains("Status 403");
			assertThat(driver.findElements(By.cssSelector("nav.console-nav"))).as(path).isEmpty();
		}
	}

	private void signInWithPasskeyAsNewAdmin(ChromeDriver driver, String suffix) {
		String username = "console-" + suffix;
		this.admins.saveIfAbsent(username, "Console Tester", this.passwords.encode("console-pass-" + suffix),
				Instant.now());
		this.admins.openPasskeyEnrolment(username, Instant.now().plusSeconds(600));
		signInWithPassword(driver, username, "console-pass-" + suffix);
		waitForPath(driver, "/admin/login/passkey");
		driver.get(ISSUER.resolve("/admin/passkeys").toString());
		driver.findElement(By.id("label")).sendKeys("key");
		driver.findElement(By.id("passkey-enrol")).click();
		wait(driver).until((d) -> d.findElement(By.tagName("main")).getText().contains("Enrolled"));
		driver.get(ISSUER.resolve("/admin/login/passkey").toString());
		driver.findElement(By.id("passkey-sign-in")).click();
		waitForPath(driver, "/admin");
	}

	private static FapiTestClient registerPartner(String org, String orgName, String clientName) {
		return FapiTestClient.register(ISSUER, TestDirectory.shared(),
				Map.of("org_id", org, "org_name", orgName, "client_name", clientName));
	}

	private boolean enrolmentWindowOpen(String username) {
		return this.jdbc.sql("SELECT passkey_enrolment_until IS NOT NULL FROM authz.bank_admin WHERE username = ?")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	private static void signInWithPassword(WebDriver driver, String username, String password) {
		driver.get(ISSUER.resolve("/admin").toString());
		waitForPath(driver, "/admin/login");
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	private static Wait<WebDriver> wait(WebDriver driver) {
		return new WebDriverWait(driver, PAGE_WAIT).ignoring(StaleElementReferenceException.class);
	}

	private static void waitForPath(WebDriver driver, String path) {
		wait(driver).until((d) -> URI.create(d.getCurrentUrl()).getPath().equals(path));
	}

}
