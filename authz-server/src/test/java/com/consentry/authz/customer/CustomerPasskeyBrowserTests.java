package com.consentry.authz.customer;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.consentry.audit.AuditTrail;
import com.consentry.authz.audit.CustomerPseudonyms;
import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.HeadlessChromium;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers' passkeys in a real headless Chromium, with Selenium's virtual authenticator
 * as the customer's device, against the whole server: enrol on {@code /account}, sign
 * out, sign in with the passkey in a PAR/authorize flow, and the step-up a
 * payment-network consent needs after a password sign-in. Each test has a customer of its
 * own, so no other test meets a passkey.
 */
class CustomerPasskeyBrowserTests extends AuthorizationServerTest {

	@RegisterExtension
	static final HeadlessChromium browser = new HeadlessChromium();

	private static final Duration PAGE_WAIT = Duration.ofSeconds(15);

	static final String PAYMENT_DETAILS = """
			[{"type":"fdx_v1.0","consentRequest":{"durationType":"TIME_BOUND","durationPeriod":30,\
			"lookbackPeriod":90,"resources":[{"resourceType":"ACCOUNT",\
			"dataClusters":["ACCOUNT_DETAILED","ACCOUNT_PAYMENTS"]}]}}]""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerLogins logins;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AuditTrail trail;

	@Autowired
	CustomerPseudonyms pseudonyms;

	@Test
	@DisplayName("WebAuthn L3 §7.1, §7.2, issue 12 (6): a customer enrols a passkey on /account, signs out, and signs in with it instead of the password in a PAR/authorize flow; a payment-network consent then asks no second time")
	void enrolSignOutAndSignInWithThePasskey() throws Exception {
		TestCustomer customer = newCustomer();
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = browser.addPasskeyDevice();
		try {
			enrolPasskeyAndSignOut(driver, customer, "my phone");
			assertThat(authenticator.getCredentials()).hasSize(1);
			assertThat(auditOutcomes(customer, "customer.passkey_enrolled")).containsExactly("success");

			FapiTestClient partner = newPartner();
			CodeVerifier verifier = new CodeVerifier();
			String requestUri = push(partner, verifier, PAYMENT_DETAILS);
			driver.get(authorizationUrl(partner, requestUri).toString());
			waitForPath(driver, "/login");
			driver.findElement(By.id("passkey-sign-in")).click();
			waitForPath(driver, "/oauth2/consent");
			assertThat(driver.findElements(By.id("passkey-step-up")))
				.as("signed in with the passkey just now: no second ask")
				.isEmpty();
			driver.findElement(By.cssSelector("input[name=accountIds][value='" + customer.accountId() + "']")).click();
			JWTClaimsSet response = decide(driver, partner, "approve");

			assertThat(response.getStringClaim("code")).isNotBlank();
			HTTPResponse token = partner.redeem(response.getStringClaim("code"), verifier);
			assertThat(token.getStatusCode()).as(token.getBody()).isEqualTo(200);
			assertThat(auditOutcomes(customer, "customer.sign_in")).containsExactly("success", "success");
			assertThat(auditDetail(customer, "customer.sign_in", "method"))
				.anySatisfy((details) -> assertThat(details).contains("passkey"));
			assertThat(auditOutcomes(customer, "consent.step_up")).containsExactly("success");
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	@Test
	@DisplayName("Issue 12 (6): after a password sign-in a payment-network consent is refused without a fresh passkey (consent unchanged, recorded) and approved with one")
	void paymentNetworkConsentNeedsThePasskeyAfterThePassword() throws Exception {
		TestCustomer customer = newCustomer();
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = browser.addPasskeyDevice();
		try {
			enrolPasskeyAndSignOut(driver, customer, "laptop");

			FapiTestClient partner = newPartner();
			CodeVerifier verifier = new CodeVerifier();
			String requestUri = push(partner, verifier, PAYMENT_DETAILS);
			signInWithPasswordAt(driver, authorizationUrl(partner, requestUri), customer);
			assertThat(driver.findElement(By.id("step-up")).getText()).contains("full account numbers");

			// approving without the step-up: back on the page, nothing shared
			chooseAccount(driver, customer);
			driver.findElement(By.cssSelector("button[name=decision][value=approve]")).click();
			wait(driver).until((d) -> d.getCurrentUrl().contains("error=step_up"));
			assertThat(driver.findElement(By.cssSelector("p.error[role=alert]")).getText())
				.contains("Nothing was shared yet");
			assertThat(consentStatuses(partner)).containsExactly("AWAITING_AUTHORIZATION");
			assertThat(auditOutcomes(customer, "consent.step_up")).containsExactly("failure");

			driver.findElement(By.id("passkey-step-up")).click();
			wait(driver).until((d) -> d.findElements(By.id("passkey-step-up")).isEmpty());
			assertThat(driver.findElements(By.cssSelector("p.error[role=alert]"))).isEmpty();
			chooseAccount(driver, customer);
			JWTClaimsSet response = decide(driver, partner, "approve");

			assertThat(response.getStringClaim("code")).isNotBlank();
			assertThat(partner.redeem(response.getStringClaim("code"), verifier).getStatusCode()).isEqualTo(200);
			assertThat(consentStatuses(partner)).containsExactly("ACTIVE");
			assertThat(auditOutcomes(customer, "customer.step_up")).containsExactly("success");
			assertThat(auditOutcomes(customer, "consent.step_up")).containsExactly("failure", "success");
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	@Test
	@DisplayName("Issue 12 (6): a consent without payment-network data needs no step-up; a customer who removed the passkey (after giving it) keeps the password-only flow")
	void noStepUpWithoutPaymentNetworksOrWithoutPasskey() throws Exception {
		TestCustomer customer = newCustomer();
		ChromeDriver driver = browser.driver();
		VirtualAuthenticator authenticator = browser.addPasskeyDevice();
		try {
			enrolPasskeyAndSignOut(driver, customer, "tablet");

			FapiTestClient partner = newPartner();
			String requestUri = push(partner, new CodeVerifier(), FapiTestClient.FDX_DETAILS);
			signInWithPasswordAt(driver, authorizationUrl(partner, requestUri), customer);
			assertThat(driver.findElements(By.id("step-up"))).isEmpty();
			chooseAccount(driver, customer);
			assertThat(decide(driver, partner, "approve").getStringClaim("code")).isNotBlank();

			// the passkey removed on /account (after giving it: the password alone
			// cannot remove it): the password alone approves payment networks
			driver.get(ISSUER.resolve("/account").toString());
			assertThat(driver.findElements(By.cssSelector("tr[data-passkey='tablet'] button"))).isEmpty();
			driver.findElement(By.id("passkey-step-up")).click();
			wait(driver).until((d) -> d.findElements(By.id("passkey-step-up")).isEmpty());
			driver.findElement(By.cssSelector("tr[data-passkey='tablet'] button")).click();
			wait(driver).until((d) -> d.getCurrentUrl().contains("passkeyRemoved"));
			assertThat(driver.findElement(By.id("passkeys")).getText()).contains("No passkey yet");
			assertThat(auditOutcomes(customer, "customer.passkey_removed")).containsExactly("success");
			String paymentRequest = push(partner, new CodeVerifier(), PAYMENT_DETAILS);
			driver.get(authorizationUrl(partner, paymentRequest).toString());
			waitForPath(driver, "/oauth2/consent");
			assertThat(driver.findElements(By.id("step-up"))).isEmpty();
			chooseAccount(driver, customer);
			assertThat(decide(driver, partner, "approve").getStringClaim("code")).isNotBlank();
		}
		finally {
			driver.removeVirtualAuthenticator(authenticator);
		}
	}

	private static void signInWithPasswordAt(WebDriver driver, URI authorizationUrl, TestCustomer customer) {
		driver.get(authorizationUrl.toString());
		waitForPath(driver, "/login");
		signInWithPassword(driver, customer);
		waitForPath(driver, "/oauth2/consent");
	}

	private void enrolPasskeyAndSignOut(WebDriver driver, TestCustomer customer, String label) {
		driver.get(ISSUER.resolve("/account").toString());
		waitForPath(driver, "/login");
		signInWithPassword(driver, customer);
		waitForPath(driver, "/account");
		assertThat(driver.findElement(By.id("passkeys")).getText()).contains("No passkey yet");
		driver.findElement(By.id("label")).sendKeys(label);
		driver.findElement(By.id("passkey-enrol")).click();
		wait(driver).until((d) -> !d.findElements(By.cssSelector("tr[data-passkey='" + label + "']")).isEmpty());
		driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
		waitForPath(driver, "/login");
	}

	private static void signInWithPassword(WebDriver driver, TestCustomer customer) {
		driver.findElement(By.name("username")).sendKeys(customer.username());
		driver.findElement(By.name("password")).sendKeys(customer.password());
		driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
	}

	private static void chooseAccount(WebDriver driver, TestCustomer customer) {
		driver.findElement(By.cssSelector("input[name=accountIds][value='" + customer.accountId() + "']")).click();
	}

	private static JWTClaimsSet decide(WebDriver driver, FapiTestClient partner, String decision) {
		driver.findElement(By.cssSelector("button[name=decision][value=" + decision + "]")).click();
		wait(driver).until((d) -> d.getCurrentUrl().startsWith(FapiTestClient.REDIRECT_URI + "?"));
		return jarm(partner, URI.create(driver.getCurrentUrl()));
	}

	static String push(FapiTestClient partner, CodeVerifier verifier, String details) throws Exception {
		AuthorizationRequest request = partner.authorizationRequest(verifier)
			.customParameter("authorization_details", details)
			.build();
		HTTPResponse response = partner.push(request);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
		return PushedAuthorizationResponse.parse(response).toSuccessResponse().getRequestURI().toString();
	}

	private List<String> consentStatuses(FapiTestClient partner) {
		return this.jdbc.sql("SELECT status FROM consent.consent WHERE client_id = ? ORDER BY created_at")
			.param(partner.clientId.getValue())
			.query(String.class)
			.list();
	}

	private List<String> auditOutcomes(TestCustomer customer, String type) {
		return auditRows(customer, type).stream().map((row) -> (String) row.get("outcome")).toList();
	}

	private List<String> auditDetail(TestCustomer customer, String type, String detail) {
		return auditRows(customer, type).stream()
			.map((row) -> String.valueOf(row.get("details")))
			.filter((details) -> details.contains("\"" + detail + "\""))
			.toList();
	}

	private List<Map<String, Object>> auditRows(TestCustomer customer, String type) {
		this.trail.flush();
		return this.jdbc
			.sql("SELECT outcome, details::text AS details FROM audit.event WHERE type = ? AND actor = ? ORDER BY seq")
			.params(type, this.pseudonyms.of(customer.customerId()))
			.query()
			.listOfRows();
	}

	private TestCustomer newCustomer() {
		return TestCustomer.create(this.jdbc, this.logins, this.passwords);
	}

	private static Wait<WebDriver> wait(WebDriver driver) {
		return new WebDriverWait(driver, PAGE_WAIT).ignoring(StaleElementReferenceException.class);
	}

	private static void waitForPath(WebDriver driver, String path) {
		wait(driver).until((d) -> URI.create(d.getCurrentUrl()).getPath().equals(path));
	}

}
