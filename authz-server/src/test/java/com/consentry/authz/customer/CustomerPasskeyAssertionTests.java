package com.consentry.authz.customer;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.consentry.audit.AuditTrail;
import com.consentry.authz.audit.CustomerPseudonyms;
import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's side of customers' passkeys, with a software passkey that can forge what a
 * real authenticator never sends: a forged assertion signs nobody in, adds no second
 * factor to a signed-in customer, leaves the consent waiting for its approval as it was,
 * and is recorded; the genuine assertion of the same passkey works.
 */
class CustomerPasskeyAssertionTests extends AuthorizationServerTest {

	private static final String ORIGIN = ISSUER.getScheme() + "://" + ISSUER.getHost() + ":" + ISSUER.getPort();

	private static final String RP_ID = ISSUER.getHost();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcOperations jdbcOperations;

	@Autowired
	CustomerLogins logins;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AuditTrail trail;

	@Autowired
	CustomerPseudonyms pseudonyms;

	@Test
	@DisplayName("WebAuthn L3 §7.2: a passkey sign-in with a forged assertion (another key's signature, another origin, another relying party, a challenge the server never issued, no user verification, an unknown passkey) is refused with 401, signs nobody in and is audited; the genuine one signs the customer in")
	void forgedSignInAssertionsAreRefused() throws Exception {
		TestCustomer customer = TestCustomer.create(this.jdbc, this.logins, this.passwords);
		SoftwarePasskey passkey = SoftwarePasskey.enrolledFor(customer.customerId(), RP_ID, this.jdbcOperations);
		long before = lastAuditSeq();
		CustomerSession browser = new CustomerSession(ISSUER);
		HttpResponse<String> loginPage = browser.get(ISSUER.resolve("/login"));

		Map<String, Function<String, String>> forgeries = new LinkedHashMap<>();
		forgeries.put("another key's signature", (c) -> passkey.withOtherKey().assertion(c, ORIGIN, RP_ID));
		forgeries.put("another origin", (c) -> passkey.assertion(c, "http://bank.evil.example", RP_ID));
		forgeries.put("another relying party", (c) -> passkey.assertion(c, ORIGIN, "evil.example"));
		forgeries.put("a challenge never issued",
				(c) -> passkey.assertion("bm90LWlzc3VlZC1ieS10aGUtc2VydmVy", ORIGIN, RP_ID));
		forgeries.put("no user verification", (c) -> passkey.assertionWithoutUserVerification(c, ORIGIN, RP_ID));
		forgeries.put("an unknown passkey", (c) -> SoftwarePasskey.unregistered().assertion(c, ORIGIN, RP_ID));
		for (Map.Entry<String, Function<String, String>> forgery : forgeries.entrySet()) {
			// each against a fresh challenge of this session, so that only the forged
			// part is wrong
			String assertion = forgery.getValue().apply(challenge(browser, loginPage));
			HttpResponse<String> refused = browser.postJson(CustomerPasskeySignIn.SIGN_IN, assertion, loginPage);
			assertThat(refused.statusCode()).as(forgery.getKey() + ": " + refused.body()).isEqualTo(401);
			assertThat(signedIn(browser)).as(forgery.getKey()).isFalse();
		}

		HttpResponse<String> accepted = browser.postJson(CustomerPasskeySignIn.SIGN_IN,
				passkey.assertion(challenge(browser, loginPage), ORIGIN, RP_ID), loginPage);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(accepted.body()).get("authenticated")).isEqualTo(true);
		assertThat(signedIn(browser)).isTrue();

		this.trail.flush();
		List<Map<String, Object>> records = this.jdbc
			.sql("SELECT actor, outcome, details FROM audit.event WHERE seq > ? AND type = 'customer.sign_in' "
					+ "AND details LIKE '%passkey%' ORDER BY seq")
			.param(before)
			.query()
			.listOfRows();
		assertThat(records).extracting((r) -> r.get("outcome"))
			.containsExactly("failure", "failure", "failure", "failure", "failure", "failure", "success");
		assertThat(records.get(6).get("actor")).isEqualTo(this.pseudonyms.of(customer.customerId()));
		assertThat(records.get(0).get("actor")).isNotEqualTo(this.pseudonyms.of(customer.customerId()));
	}

	@Test
	@DisplayName("Issue 12 (6): a forged step-up assertion adds no second factor: the payment-network approval stays refused and the consent AWAITING_AUTHORIZATION; the genuine assertion lets it through")
	void forgedStepUpChangesNothing() throws Exception {
		TestCustomer customer = TestCustomer.create(this.jdbc, this.logins, this.passwords);
		SoftwarePasskey passkey = SoftwarePasskey.enrolledFor(customer.customerId(), RP_ID, this.jdbcOperations);
		FapiTestClient partner = newPartner();
		String requestUri = CustomerPasskeyBrowserTests.push(partner, new CodeVerifier(),
				CustomerPasskeyBrowserTests.PAYMENT_DETAILS);
		CustomerSession browser = new CustomerSession(ISSUER);
		HttpResponse<String> consentPage = browser.signIn(browser.get(authorizationUrl(partner, requestUri)),
				customer.username(), customer.password());
		assertThat(consentPage.body()).contains("id=\"passkey-step-up\"");

		HttpResponse<String> refused = browser.decide(consentPage, List.of(customer.accountId()), "approve");
		assertThat(refused.uri().getPath()).isEqualTo("/oauth2/consent");
		assertThat(refused.body()).contains("Nothing was shared yet");
		assertThat(consentStatus(partner)).isEqualTo("AWAITING_AUTHORIZATION");

		HttpResponse<String> forged = browser.postJson(CustomerPasskeySignIn.SIGN_IN,
				passkey.withOtherKey().assertion(challenge(browser, consentPage), ORIGIN, RP_ID), consentPage);
		assertThat(forged.statusCode()).isEqualTo(401);
		HttpResponse<String> stillRefused = browser.decide(consentPage, List.of(customer.accountId()), "approve");
		assertThat(stillRefused.body()).contains("Nothing was shared yet");
		assertThat(consentStatus(partner)).isEqualTo("AWAITING_AUTHORIZATION");

		HttpResponse<String> steppedUp = browser.postJson(CustomerPasskeySignIn.SIGN_IN,
				passkey.assertion(challenge(browser, consentPage), ORIGIN, RP_ID), consentPage);
		assertThat(steppedUp.statusCode()).as(steppedUp.body()).isEqualTo(200);
		HttpResponse<String> approved = browser.decide(browser.get(refused.uri()), List.of(customer.accountId()),
				"approve");
		URI redirect = partnerRedirect(approved);
		assertThat(jarm(partner, redirect).getStringClaim("code")).isNotBlank();
		assertThat(consentStatus(partner)).isEqualTo("ACTIVE");

		this.trail.flush();
		assertThat(this.jdbc
			.sql("SELECT type || ':' || outcome FROM audit.event WHERE actor = ? AND type LIKE '%step_up' ORDER BY seq")
			.param(this.pseudonyms.of(customer.customerId()))
			.query(String.class)
			.list()).containsExactly("consent.step_up:failure", "customer.step_up:failure", "consent.step_up:failure",
					"customer.step_up:success", "consent.step_up:success");
	}

	@Test
	@DisplayName("Issue 12 (6): a customer cannot remove another customer's passkey (404, the passkey stays), and removes their own only after giving a passkey (the password alone gets 403)")
	void passkeysAreRemovedOnlyByTheirCustomer() throws Exception {
		TestCustomer owner = TestCustomer.create(this.jdbc, this.logins, this.passwords);
		SoftwarePasskey ownersPasskey = SoftwarePasskey.enrolledFor(owner.customerId(), RP_ID, this.jdbcOperations);
		TestCustomer other = TestCustomer.create(this.jdbc, this.logins, this.passwords);
		SoftwarePasskey othersPasskey = SoftwarePasskey.enrolledFor(other.customerId(), RP_ID, this.jdbcOperations);
		CustomerSession browser = new CustomerSession(ISSUER);
		HttpResponse<String> account = browser.signIn(browser.get(ISSUER.resolve("/account")), owner.username(),
				owner.password());
		assertThat(account.body()).contains("software key").contains("id=\"passkey-step-up\"");

		HttpResponse<String> refused = browser.post("/account/passkeys/remove", withCsrf(account, othersPasskey.id()));
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(passkeyCount(other)).isEqualTo(1);
		HttpResponse<String> malformed = browser.post("/account/passkeys/remove", withCsrf(account, "%%%"));
		assertThat(malformed.statusCode()).isEqualTo(404);
		HttpResponse<String> passwordOnly = browser.post("/account/passkeys/remove",
				withCsrf(account, ownersPasskey.id()));
		assertThat(passwordOnly.statusCode()).isEqualTo(403);
		assertThat(passkeyCount(owner)).isEqualTo(1);

		HttpResponse<String> steppedUp = browser.postJson(CustomerPasskeySignIn.SIGN_IN,
				ownersPasskey.assertion(challenge(browser, account), ORIGIN, RP_ID), account);
		assertThat(steppedUp.statusCode()).as(steppedUp.body()).isEqualTo(200);
		HttpResponse<String> confirmed = browser.get(ISSUER.resolve("/account"));
		assertThat(confirmed.body()).doesNotContain("id=\"passkey-step-up\"");
		HttpResponse<String> removed = browser.post("/account/passkeys/remove",
				withCsrf(confirmed, ownersPasskey.id()));
		assertThat(removed.uri().getPath()).isEqualTo("/account");
		assertThat(removed.body()).contains("Passkey removed").contains("No passkey yet");
		assertThat(passkeyCount(owner)).isZero();
		assertThat(passkeyCount(other)).isEqualTo(1);
	}

	@Test
	@DisplayName("Issue 12 (6): the password alone cannot add a passkey next to the customer's (403, nothing stored, so no second factor of the thief's own); after giving the passkey the customer adds one")
	void anotherPasskeyNeedsTheFirst() throws Exception {
		TestCustomer customer = TestCustomer.create(this.jdbc, this.logins, this.passwords);
		SoftwarePasskey passkey = SoftwarePasskey.enrolledFor(customer.customerId(), RP_ID, this.jdbcOperations);
		CustomerSession browser = new CustomerSession(ISSUER);
		HttpResponse<String> account = browser.signIn(browser.get(ISSUER.resolve("/account")), customer.username(),
				customer.password());

		HttpResponse<String> refused = browser.postJson(CustomerPasskeySignIn.REGISTER, SoftwarePasskey.unregistered()
			.registration(registrationChallenge(browser, account), ORIGIN, RP_ID, "thief's key"), account);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(passkeyCount(customer)).isEqualTo(1);

		HttpResponse<String> steppedUp = browser.postJson(CustomerPasskeySignIn.SIGN_IN,
				passkey.assertion(challenge(browser, account), ORIGIN, RP_ID), account);
		assertThat(steppedUp.statusCode()).as(steppedUp.body()).isEqualTo(200);
		HttpResponse<String> confirmed = browser.get(ISSUER.resolve("/account"));
		HttpResponse<String> added = browser.postJson(CustomerPasskeySignIn.REGISTER, SoftwarePasskey.unregistered()
			.registration(registrationChallenge(browser, confirmed), ORIGIN, RP_ID, "second key"), confirmed);
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		assertThat(passkeyCount(customer)).isEqualTo(2);
	}

	@Test
	@DisplayName("Issue 12 (6): every customer passkey call without the page's CSRF token (challenge, sign-in, step-up, enrolment) is refused with 403 and changes nothing")
	void passkeyCallsNeedTheCsrfToken() throws Exception {
		TestCustomer customer = TestCustomer.create(this.jdbc, this.logins, this.passwords);
		SoftwarePasskey passkey = SoftwarePasskey.enrolledFor(customer.customerId(), RP_ID, this.jdbcOperations);
		CustomerSession browser = new CustomerSession(ISSUER);
		HttpResponse<String> loginPage = browser.get(ISSUER.resolve("/login"));
		assertThat(browser.postJsonWithoutCsrf(CustomerPasskeySignIn.SIGN_IN_OPTIONS, "").statusCode()).isEqualTo(403);
		HttpResponse<String> signIn = browser.postJsonWithoutCsrf(CustomerPasskeySignIn.SIGN_IN,
				passkey.assertion(challenge(browser, loginPage), ORIGIN, RP_ID));
		assertThat(signIn.statusCode()).isEqualTo(403);
		assertThat(signedIn(browser)).isFalse();

		HttpResponse<String> account = browser.signIn(browser.get(ISSUER.resolve("/account")), customer.username(),
				customer.password());
		HttpResponse<String> stepUp = browser.postJsonWithoutCsrf(CustomerPasskeySignIn.SIGN_IN,
				passkey.assertion(challenge(browser, account), ORIGIN, RP_ID));
		assertThat(stepUp.statusCode()).isEqualTo(403);
		assertThat(browser.get(ISSUER.resolve("/account")).body()).contains("id=\"passkey-step-up\"");
		assertThat(browser.postJsonWithoutCsrf(CustomerPasskeySignIn.REGISTER_OPTIONS, "").statusCode()).isEqualTo(403);
		HttpResponse<String> register = browser.postJsonWithoutCsrf(CustomerPasskeySignIn.REGISTER,
				SoftwarePasskey.unregistered()
					.registration(registrationChallenge(browser, account), ORIGIN, RP_ID, "forged"));
		assertThat(register.statusCode()).isEqualTo(403);
		assertThat(passkeyCount(customer)).isEqualTo(1);
	}

	private static String registrationChallenge(CustomerSession browser, HttpResponse<String> page) throws Exception {
		HttpResponse<String> options = browser.postJson(CustomerPasskeySignIn.REGISTER_OPTIONS, "", page);
		assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
		return (String) JSONObjectUtils.parse(options.body()).get("challenge");
	}

	private static List<Map.Entry<String, String>> withCsrf(HttpResponse<String> page, String passkeyId) {
		List<Map.Entry<String, String>> form = new ArrayList<>(CustomerSession.hiddenFields(page.body())
			.stream()
			.filter((field) -> field.getKey().equals("_csrf"))
			.limit(1)
			.toList());
		form.add(Map.entry("id", passkeyId));
		return form;
	}

	private long passkeyCount(TestCustomer customer) {
		return this.jdbc
			.sql("SELECT count(*) FROM authz.user_credentials c JOIN authz.user_entities e "
					+ "ON e.id = c.user_entity_user_id WHERE e.customer_id = ?")
			.param(customer.customerId())
			.query(Long.class)
			.single();
	}

	/** A new challenge for this session (the options the passkey script asks for). */
	private static String challenge(CustomerSession browser, HttpResponse<String> page) throws Exception {
		HttpResponse<String> options = browser.postJson(CustomerPasskeySignIn.SIGN_IN_OPTIONS, "", page);
		assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
		return (String) JSONObjectUtils.parse(options.body()).get("challenge");
	}

	private static boolean signedIn(CustomerSession browser) {
		return browser.get(ISSUER.resolve("/account")).uri().getPath().equals("/account");
	}

	private String consentStatus(FapiTestClient partner) {
		return this.jdbc.sql("SELECT status FROM consent.consent WHERE client_id = ?")
			.param(partner.clientId.getValue())
			.query(String.class)
			.single();
	}

	private long lastAuditSeq() {
		this.trail.flush();
		return this.jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit.event").query(Long.class).single();
	}

}
