package com.consentry.authz.admin.alerts;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.consentry.audit.AuditTrail;
import com.consentry.authz.admin.BankAdmins;
import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.GatewaySchema;
import com.consentry.authz.support.HeadlessChromium;
import org.junit.jupiter.api.BeforeEach;
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
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review forms of {@code /admin/alerts} in a real headless Chromium, signed in with
 * password and passkey (Selenium's virtual authenticator): an admin clears a throttle and
 * lifts a suspension, each exactly one admin action and one audit record; forms naming no
 * alert, a garbled one, none at all, without a reason or without the CSRF token get a
 * readable page and change nothing.
 */
class AnomalyReviewTests extends AuthorizationServerTest {

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

	@Autowired
	AuditTrail trail;

	@Autowired
	AnomalySuspensions suspensions;

	@BeforeEach
	void gatewaySchema() {
		GatewaySchema.migrate(this.dataSource);
	}

	@Test
	@DisplayName("Issue 11 (5): an admin clears a partner's throttle on /admin/alerts with a reason: the throttle is gone, recorded as exactly one admin action and one audit record (actor, partner, reason, request id); the alert stays")
	void adminClearsAThrottle() {
		String clientId = newPartnerOfOwnOrganisation(ISSUER, newOrgId()).clientId.getValue();
		long alert = alert(clientId, "throttle");
		this.jdbc.sql("INSERT INTO gateway.partner_throttle (client_id, alert_id, since) VALUES (?, ?, now())")
			.params(clientId, alert)
			.update();
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = addAuthenticator(driver);
		try {
			String admin = signInWithPasskeyAsNewAdmin(driver);
			driver.get(ISSUER.resolve("/admin/alerts").toString());
			WebElement row = driver.findElement(By.cssSelector("tr[data-throttle='" + alert + "']"));
			assertThat(row.getText()).contains(clientId);
			row.findElement(By.name("reason")).sendKeys("Partner explained the walk: a migration bug, fixed");
			row.findElement(By.id("clear-" + alert)).click();
			wait(driver).until((d) -> d.findElement(By.tagName("main")).getText().contains("is cleared"));

			assertThat(throttles(clientId)).isZero();
			assertThat(this.jdbc.sql("SELECT count(*) FROM gateway.anomaly_alert WHERE id = ?")
				.param(alert)
				.query(Integer.class)
				.single()).isOne();
			assertThat(driver.findElements(By.cssSelector("tr[data-throttle='" + alert + "']"))).isEmpty();
			assertThat(adminActions(clientId)).singleElement().satisfies((action) -> {
				assertThat(action).containsEntry("action", AnomalyReviews.CLEAR_THROTTLE)
					.containsEntry("target_type", "PARTNER_CLIENT")
					.containsEntry("outcome", "SUCCEEDED")
					.containsEntry("actor", "admin:" + admin)
					.containsEntry("reason", "Partner explained the walk: a migration bug, fixed");
				assertThat((String) action.get("correlation_id")).isNotBlank();
				assertThat((String) action.get("detail")).contains("alert " + alert);
			});
			assertThat(auditRecords("admin.anomaly_throttle_clear", clientId)).singleElement().satisfies((row2) -> {
				assertThat(row2).containsEntry("actor", "admin:" + admin)
					.containsEntry("actor_kind", "ADMIN")
					.containsEntry("outcome", "success");
				assertThat((String) row2.get("details")).contains("migration bug")
					.contains("\"request_id\"")
					.contains("\"target_type\":\"PARTNER_CLIENT\"");
			});

			// the same throttle again: nothing to clear, said so, nothing changed
			FormAnswer again = post(driver, "/admin/alerts/clear-throttle", "alert=" + alert + "&reason=again");
			assertThat(again.status()).isEqualTo(409);
			assertThat(again.body()).contains("holds no throttle").contains("Back to the alerts");
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	@Test
	@DisplayName("Issue 11 (5): an admin lifts the suspension anomaly detection applied: the organisation is ACTIVE again, the request marked lifted, exactly one admin action and one audit record; a request not applied yet is withdrawn and never applied")
	void adminLiftsASuspension() {
		String orgId = newOrgId();
		String clientId = newPartnerOfOwnOrganisation(ISSUER, orgId).clientId.getValue();
		long applied = suspensionRequest(clientId);
		this.suspensions.apply();
		assertThat(status(orgId)).isEqualTo("SUSPENDED");
		String waitingOrg = newOrgId();
		String waitingClient = newPartnerOfOwnOrganisation(ISSUER, waitingOrg).clientId.getValue();
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = addAuthenticator(driver);
		try {
			String admin = signInWithPasskeyAsNewAdmin(driver);
			// asked for while the admin looks, not applied yet
			long waiting = suspensionRequest(waitingClient);
			driver.get(ISSUER.resolve("/admin/alerts").toString());
			WebElement row = driver.findElement(By.cssSelector("tr[data-suspension='" + applied + "']"));
			assertThat(row.getText()).contains(clientId).contains("partner suspended");
			row.findElement(By.name("reason")).sendKeys("Reviewed with the partner: a load test against production");
			row.findElement(By.id("lift-" + applied)).click();
			wait(driver).until((d) -> d.findElement(By.tagName("main")).getText().contains("is lifted"));

			assertThat(status(orgId)).isEqualTo("ACTIVE");
			assertThat(this.jdbc
				.sql("SELECT decision || ' ' || lifted_by FROM gateway.partner_suspension_request WHERE alert_id = ?")
				.param(applied)
				.query(String.class)
				.single()).isEqualTo("suspended admin:" + admin);
			assertThat(adminActions(clientId)).singleElement().satisfies((action) -> {
				assertThat(action).containsEntry("action", AnomalyReviews.LIFT_SUSPENSION)
					.containsEntry("outcome", "SUCCEEDED")
					.containsEntry("actor", "admin:" + admin)
					.containsEntry("reason", "Reviewed with the partner: a load test against production");
				assertThat((String) action.get("detail")).contains("SUSPENDED -> ACTIVE");
			});
			assertThat(auditRecords("admin.anomaly_suspension_lift", clientId)).singleElement()
				.satisfies((record) -> assertThat(record).containsEntry("actor", "admin:" + admin)
					.containsEntry("outcome", "success"));
			assertThat(this.jdbc
				.sql("SELECT actor FROM registry.partner_status_change WHERE org_id = ? AND to_status = 'ACTIVE' "
						+ "AND from_status = 'SUSPENDED'")
				.param(orgId)
				.query(String.class)
				.list()).containsExactly("admin:" + admin);

			driver.get(ISSUER.resolve("/admin/alerts").toString());
			WebElement open = driver.findElement(By.cssSelector("tr[data-suspension='" + waiting + "']"));
			assertThat(open.getText()).contains("not applied yet");
			open.findElement(By.name("reason")).sendKeys("False alarm: the partner's nightly reconciliation");
			open.findElement(By.id("lift-" + waiting)).click();
			wait(driver).until((d) -> d.findElement(By.tagName("main")).getText().contains("is lifted"));
			this.suspensions.apply();
			assertThat(status(waitingOrg)).isEqualTo("ACTIVE");
			assertThat(this.jdbc.sql("SELECT decision FROM gateway.partner_suspension_request WHERE alert_id = ?")
				.param(waiting)
				.query(String.class)
				.single()).isEqualTo("lifted");
			assertThat(adminActions(waitingClient)).singleElement()
				.satisfies((action) -> assertThat((String) action.get("detail")).contains("before it was applied"));
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	@Test
	@DisplayName("Issue 11 (5): review forms naming an unknown alert, a garbled or no alert id, giving no reason, or posted without the CSRF token get a readable page (404, 400, 403) and change nothing")
	void badReviewFormsChangeNothing() {
		String orgId = newOrgId();
		String clientId = newPartnerOfOwnOrganisation(ISSUER, orgId).clientId.getValue();
		long alert = alert(clientId, "suspend");
		this.jdbc.sql("INSERT INTO gateway.partner_throttle (client_id, alert_id, since) VALUES (?, ?, now())")
			.params(clientId, alert)
			.update();
		this.jdbc.sql("""
				INSERT INTO gateway.partner_suspension_request (alert_id, client_id, reason, requested_at)
				VALUES (?, ?, 'enumeration by the partner', now())""").params(alert, clientId).update();
		long noSuchAlert = this.jdbc.sql("SELECT coalesce(max(id), 0) + 1000 FROM gateway.anomaly_alert")
			.query(Long.class)
			.single();
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = addAuthenticator(driver);
		try {
			signInWithPasskeyAsNewAdmin(driver);
			driver.get(ISSUER.resolve("/admin/alerts").toString());
			for (String path : List.of("/admin/alerts/clear-throttle", "/admin/alerts/lift-suspension")) {
				FormAnswer unknown = post(driver, path, "alert=" + noSuchAlert + "&reason=looks+fine");
				assertThat(unknown.status()).as(path).isEqualTo(404);
				assertThat(unknown.body()).contains("There is no such anomaly alert").contains("Back to the alerts");
				FormAnswer garbled = post(driver, path, "alert=1%27%20OR%201=1&reason=looks+fine");
				assertThat(garbled.status()).as(path).isEqualTo(400);
				assertThat(garbled.body()).contains("must name an alert by its number");
				FormAnswer missing = post(driver, path, "reason=looks+fine");
				assertThat(missing.status()).as(path).isEqualTo(400);
				FormAnswer noReason = post(driver, path, "alert=" + alert + "&reason=+");
				assertThat(noReason.status()).as(path).isEqualTo(400);
				assertThat(noReason.body()).contains("Give the reason");
				FormAnswer forged = postWithoutCsrfToken(driver, path, "alert=" + alert + "&reason=forged");
				assertThat(forged.status()).as(path).isEqualTo(403);
			}
			assertThat(throttles(clientId)).isOne();
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM gateway.partner_suspension_request WHERE alert_id = ? "
						+ "AND decided_at IS NULL AND lifted_at IS NULL")
				.param(alert)
				.query(Integer.class)
				.single()).isOne();
			assertThat(status(orgId)).isEqualTo("ACTIVE");
			// the shared problem page still leads back to the partners from the partner
			// pages
			driver.get(ISSUER.resolve("/admin/partner?org=no-such-org-" + alert).toString());
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("There is no such partner")
				.contains("Back to the partners");
			// the two attempts without a reason are on record as refused; nothing else is
			assertThat(adminActions(clientId)).extracting((action) -> action.get("outcome"))
				.containsExactly("REFUSED", "REFUSED");
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	private long alert(String clientId, String response) {
		return this.jdbc
			.sql("""
					INSERT INTO gateway.anomaly_alert (client_id, detector, raised_at, score, response, evidence, instance_id)
					VALUES (?, 'enumeration', now(), 10, ?, '{"refused_accounts": "10"}', 'gw-test') RETURNING id""")
			.params(clientId, response)
			.query(Long.class)
			.single();
	}

	private long suspensionRequest(String clientId) {
		long alert = alert(clientId, "suspend");
		this.jdbc.sql("""
				INSERT INTO gateway.partner_suspension_request (alert_id, client_id, reason, requested_at)
				VALUES (?, ?, 'enumeration by the partner: refused_accounts=10', now())""")
			.params(alert, clientId)
			.update();
		return alert;
	}

	private int throttles(String clientId) {
		return this.jdbc.sql("SELECT count(*) FROM gateway.partner_throttle WHERE client_id = ?")
			.param(clientId)
			.query(Integer.class)
			.single();
	}

	private String status(String orgId) {
		return this.jdbc.sql("SELECT DISTINCT status FROM registry.partner WHERE org_id = ?")
			.param(orgId)
			.query(String.class)
			.single();
	}

	private List<Map<String, Object>> adminActions(String clientId) {
		return this.jdbc
			.sql("SELECT action, target_type, outcome, actor, reason, detail, correlation_id FROM authz.admin_action "
					+ "WHERE target_id = ? ORDER BY id")
			.param(clientId)
			.query()
			.listOfRows();
	}

	private List<Map<String, Object>> auditRecords(String type, String subject) {
		this.trail.flush();
		return this.jdbc
			.sql("SELECT actor_kind, actor, outcome, details FROM audit.event WHERE type = ? AND subject = ?")
			.params(type, subject)
			.query()
			.listOfRows();
	}

	/**
	 * Posts a form from the signed-in page with the page's CSRF token, as its forms do.
	 */
	private static FormAnswer post(WebDriver driver, String path, String body) {
		String token = driver.findElement(By.cssSelector("input[name='_csrf']")).getDomProperty("value");
		return send(driver, path, body + "&_csrf=" + token);
	}

	private static FormAnswer postWithoutCsrfToken(WebDriver driver, String path, String body) {
		return send(driver, path, body);
	}

	@SuppressWarnings("unchecked")
	private static FormAnswer send(WebDriver driver, String path, String body) {
		Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { method: 'POST', credentials: 'same-origin', redirect: 'manual',
				  headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: arguments[1] })
				  .then((r) => r.text().then((t) => done({ status: r.status, body: t })),
				        (e) => done({ status: -1, body: String(e) }));
				""", path, body);
		return new FormAnswer(((Number) answer.get("status")).intValue(), (String) answer.get("body"));
	}

	private String signInWithPasskeyAsNewAdmin(ChromeDriver driver) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "reviewer-" + suffix;
		this.admins.saveIfAbsent(username, "Alert Reviewer", this.passwords.encode("reviewer-pass-" + suffix),
				Instant.now());
		this.admins.openPasskeyEnrolment(username, Instant.now().plusSeconds(600));
		driver.get(ISSUER.resolve("/admin").toString());
		waitForPath(driver, "/admin/login");
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys("reviewer-pass-" + suffix);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitForPath(driver, "/admin/login/passkey");
		driver.get(ISSUER.resolve("/admin/passkeys").toString());
		driver.findElement(By.id("label")).sendKeys("key");
		driver.findElement(By.id("passkey-enrol")).click();
		wait(driver).until((d) -> d.findElement(By.tagName("main")).getText().contains("Enrolled"));
		driver.get(ISSUER.resolve("/admin/login/passkey").toString());
		driver.findElement(By.id("passkey-sign-in")).click();
		waitForPath(driver, "/admin");
		return username;
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

	private record FormAnswer(int status, String body) {
	}

}
