package com.consentry.authz.admin.partners;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.consentry.authz.admin.BankAdmins;
import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.GatewaySchema;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.HeadlessChromium;
import com.consentry.authz.support.TestDirectory;
import com.consentry.authz.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's account tokens on its console page, in a headless Chromium with a virtual
 * authenticator as the admin's passkey: listed by masked account, consent, issue time and
 * status, never the token or the number; revoked through the page's form (CSRF, reason),
 * recorded as an admin action; bad input answered with a readable page and no change. No
 * gateway runs here: the vault's rows are written as the gateway writes them.
 */
class PartnerAccountTokensBrowserTests extends AuthorizationServerTest {

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
	DataSource dataSource;

	@BeforeEach
	void gatewaySchema() {
		GatewaySchema.migrate(this.dataSource);
	}

	@Test
	@DisplayName("Issue 12 (5): the partner's page lists its account tokens (masked account, consent, issued, status) and an admin revokes one with a reason through the CSRF form, recorded as an admin action")
	void listAndRevoke() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String org = "org-account-tokens-" + suffix;
		FapiTestClient partner = FapiTestClient.register(ISSUER, TestDirectory.shared(),
				Map.of("org_id", org, "org_name", "Token Co " + suffix, "client_name", "Token App " + suffix));
		String consentId = Tokens.obtain(partner).consentId();
		String clientId = partner.clientId.getValue();
		long checking = vaultRow(clientId, consentId, "acc-alice-chk-01");
		long savings = vaultRow(clientId, consentId, "acc-alice-sav-02");
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = addAuthenticator(driver);
		try {
			signInWithPasskeyAsNewAdmin(driver, suffix);
			driver.get(ISSUER.resolve("/admin/partner?org=" + org).toString());
			String row = driver.findElement(By.id("account-token-" + checking)).getText();
			assertThat(row).contains("...3401").contains(consentId).contains("LIVE");
			assertThat(driver.findElement(By.id("account-token-" + savings)).getText()).contains("...7802");
			assertThat(driver.getPageSource()).doesNotContain("021000021000123401");

			driver.findElement(By.id("reason-" + checking)).sendKeys("Reported in a fraud case");
			driver.findElement(By.id("revoke-" + checking)).click();
			wait(driver).until((d) -> d.findElement(By.tagName("main")).getText().contains("is revoked"));

			assertThat(driver.findElement(By.id("account-token-" + checking)).getText())
				.contains("REVOKED by the bank");
			assertThat(driver.findElements(By.id("revoke-" + checking))).isEmpty();
			assertThat(driver.findElement(By.id("account-token-" + savings)).getText()).contains("LIVE");
			assertThat(
					this.jdbc.sql("SELECT revoked_reason || ' ' || revoked_by FROM gateway.account_token WHERE id = ?")
						.param(checking)
						.query(String.class)
						.single())
				.isEqualTo("revoked admin:console-" + suffix);
			assertThat(this.jdbc
				.sql("SELECT outcome || ' ' || reason FROM authz.admin_action WHERE action = 'ACCOUNT_TOKEN_REVOKE' "
						+ "AND target_id = ?")
				.param(org)
				.query(String.class)
				.list()).containsExactly("SUCCEEDED Reported in a fraud case");
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	@Test
	@DisplayName("Issue 12 (5): revoking an unknown token, another partner's, one without a reason or one revoked already answers a readable page and changes nothing")
	void badInputIsRefused() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String org = "org-account-tokens-bad-" + suffix;
		FapiTestClient partner = FapiTestClient.register(ISSUER, TestDirectory.shared(),
				Map.of("org_id", org, "org_name", "Bad Co " + suffix, "client_name", "Bad App " + suffix));
		String consentId = Tokens.obtain(partner).consentId();
		long own = vaultRow(partner.clientId.getValue(), consentId, "acc-alice-chk-01");
		long others = vaultRow("someone-else-" + suffix, consentId, "acc-alice-chk-01");
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = addAuthenticator(driver);
		try {
			signInWithPasskeyAsNewAdmin(driver, suffix);
			driver.get(ISSUER.resolve("/admin/partner?org=" + org).toString());

			assertThat(post(driver, org, "not-a-number", "why"))
				.isEqualTo("404 This partner has no such account token.");
			assertThat(post(driver, org, Long.toString(others), "why"))
				.isEqualTo("404 This partner has no such account token.");
			assertThat(post(driver, org, Long.toString(own), "")).startsWith("400 Give the reason");
			assertThat(revoked(own)).isFalse();
			assertThat(post(driver, org, Long.toString(own), "first")).startsWith("200");
			assertThat(post(driver, org, Long.toString(own), "again"))
				.isEqualTo("409 This account token is revoked already.");
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM authz.admin_action WHERE action = 'ACCOUNT_TOKEN_REVOKE' "
						+ "AND target_id = ? AND outcome = 'REFUSED'")
				.param(org)
				.query(Long.class)
				.single()).isEqualTo(4);
			assertThat(revoked(others)).isFalse();
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	// the page's own CSRF token, a form post as the browser makes it: "status problem"
	private static String post(ChromeDriver driver, String org, String token, String reason) {
		Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const csrf = document.querySelector('input[name=_csrf]').value;
				const body = new URLSearchParams({ _csrf: csrf, org: arguments[0], token: arguments[1],
				  reason: arguments[2] });
				fetch('/admin/partner/account-tokens/revoke', { method: 'POST', credentials: 'same-origin', body })
				  .then((r) => r.text().then((t) => {
				    const page = new DOMParser().parseFromString(t, 'text/html');
				    const problem = page.querySelector('p.error');
				    done(r.status + ' ' + (problem ? problem.textContent : ''));
				  }), (e) => done(String(e)));
				""", org, token, reason);
		return String.valueOf(answer).strip();
	}

	private boolean revoked(long id) {
		return this.jdbc.sql("SELECT revoked_at IS NOT NULL FROM gateway.account_token WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	// a row as the gateway's vault writes it (the digest stands in for a token's HMAC)
	private long vaultRow(String clientId, String consentId, String accountId) {
		byte[] digest = new byte[32];
		new java.security.SecureRandom().nextBytes(digest);
		return this.jdbc.sql("""
				INSERT INTO gateway.account_token (token_digest, attempt, format, client_id, consent_id, account_id,
				    created_at)
				VALUES (?, 0, 'format-preserving', ?, ?, ?, now()) RETURNING id""")
			.params(digest, clientId, consentId, accountId)
			.query(Long.class)
			.single();
	}

	private void signInWithPasskeyAsNewAdmin(ChromeDriver driver, String suffix) {
		String username = "console-" + suffix;
		this.admins.saveIfAbsent(username, "Console Tester", this.passwords.encode("console-pass-" + suffix),
				Instant.now());
		this.admins.openPasskeyEnrolment(username, Instant.now().plusSeconds(600));
		driver.get(ISSUER.resolve("/admin").toString());
		waitForPath(driver, "/admin/login");
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys("console-pass-" + suffix);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitForPath(driver, "/admin/login/passkey");
		driver.get(ISSUER.resolve("/admin/passkeys").toString());
		driver.findElement(By.id("label")).sendKeys("key");
		driver.findElement(By.id("passkey-enrol")).click();
		wait(driver).until((d) -> d.findElement(By.tagName("main")).getText().contains("Enrolled"));
		driver.get(ISSUER.resolve("/admin/login/passkey").toString());
		driver.findElement(By.id("passkey-sign-in")).click();
		waitForPath(driver, "/admin");
	}

	private static VirtualAuthenticator addAuthenticator(ChromeDriver driver) {
		return driver.addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
	}

	private static Wait<WebDriver> wait(WebDriver driver) {
		return new WebDriverWait(driver, PAGE_WAIT).ignoring(StaleElementReferenceException.class);
	}

	private static void waitForPath(WebDriver driver, String path) {
		wait(driver).until((d) -> URI.create(d.getCurrentUrl()).getPath().equals(path));
	}

}
