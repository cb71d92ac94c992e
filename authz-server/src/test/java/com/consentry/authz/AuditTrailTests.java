package com.consentry.authz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditCheckpoints;
import com.consentry.audit.AuditChainVerifier;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;
import com.consentry.audit.ChainVerification;
import com.consentry.audit.ConsentAccesses;
import com.consentry.audit.Correlation;
import com.consentry.authz.admin.AdminActions;
import com.consentry.authz.audit.CustomerPseudonyms;
import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.consentry.authz.support.Tokens;
import com.consentry.consent.ConsentId;
import com.consentry.consent.Consents;
import com.consentry.registry.PartnerGovernance;
import com.consentry.registry.PartnerPolicy;
import com.consentry.registry.RateLimitTier;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 (1): every security-relevant action is exactly one record of the audit trail,
 * with who (partner, customer pseudonym, admin), what, the subject, the outcome, the
 * consent and the request's trace; the chain stays valid and its checkpoints verify.
 */
class AuditTrailTests extends AuthorizationServerTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	CustomerPseudonyms pseudonyms;

	@Autowired
	Consents consents;

	@Autowired
	PartnerGovernance governance;

	@Autowired
	AdminActions adminActions;

	@Autowired
	ConsentAccesses accesses;

	private long before;

	@BeforeEach
	void mark() {
		this.trail.flush();
		this.before = this.jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit.event").query(Long.class).single();
	}

	@AfterEach
	void forgetFailedSignIns() {
		this.jdbc.sql("DELETE FROM authz.sign_in_throttle").update();
	}

	@Test
	@DisplayName("Issue 11 (1): registration, consent request, sign-in, approval, token issue, refresh and revocation are one record each")
	void authorizationFlow() throws Exception {
		FapiTestClient partner = newPartner();
		String clientId = partner.clientId.getValue();
		Tokens tokens = Tokens.obtain(partner);
		HTTPResponse refreshed = partner.refresh(tokens.refreshToken());
		assertThat(refreshed.getStatusCode()).isEqualTo(200);
		HTTPResponse revoked = new TokenRevocationRequest(partner.endpoint("/oauth2/revoke"),
				partner.clientAuthentication(), Tokens.fromResponse(refreshed).refreshToken())
			.toHTTPRequest()
			.send();
		assertThat(revoked.getStatusCode()).isEqualTo(200);
		String consent = tokens.consentId();
		String alice = this.pseudonyms.of("cust-alice-0001");

		List<Row> rows = records();
		assertThat(only(rows, "partner.registered", clientId)).satisfies((row) -> {
			assertThat(row.actorKind()).isEqualTo("PARTNER");
			assertThat(row.actor()).isEqualTo(clientId);
			assertThat(row.outcome()).isEqualTo("success");
			assertThat(row.details()).contains("\"org\":");
		});
		assertThat(only(rows, "consent.requested", consent)).satisfies((row) -> {
			assertThat(row.actor()).isEqualTo(clientId);
			assertThat(row.consentId()).isEqualTo(consent);
		});
		assertThat(only(rows, "consent.approved", consent)).satisfies((row) -> {
			assertThat(row.actorKind()).isEqualTo("CUSTOMER");
			assertThat(row.actor()).isEqualTo(alice).doesNotContain("alice");
			assertThat(row.details()).contains(clientId);
		});
		assertThat(rows.stream().filter((r) -> r.type().equals("customer.sign_in") && r.actor().equals(alice)))
			.singleElement()
			.satisfies((row) -> assertThat(row.outcome()).isEqualTo("success"));
		assertThat(only(rows, "token.issued", clientId)).satisfies((row) -> {
			assertThat(row.consentId()).isEqualTo(consent);
			assertThat(row.details()).contains("\"grant_type\":\"authorization_code\"")
				.contains("\"refresh\":\"issued\"");
		});
		assertThat(only(rows, "token.refreshed", clientId)).satisfies((row) -> {
			assertThat(row.consentId()).isEqualTo(consent);
			assertThat(row.details()).contains("\"grant_type\":\"refresh_token\"");
		});
		assertThat(only(rows, "token.revoked", clientId).actor()).isEqualTo(clientId);
		// nothing else was recorded for this partner's flow, and no value of a credential
		assertThat(rows).filteredOn((r) -> clientId.equals(r.subject()) || consent.equals(r.consentId())).hasSize(6);
		assertThat(rows).allSatisfy(
				(row) -> assertThat(row.details() + row.subject()).doesNotContain(tokens.accessToken().getValue())
					.doesNotContain(tokens.refreshToken().getValue())
					.doesNotContain("alice-demo-pass"));
		assertChainIntact();
	}

	@Test
	@DisplayName("Issue 11 (1): a failed sign-in is one record naming a pseudonym of the name tried, never the name or the password")
	void failedSignIn() {
		CustomerSession browser = new CustomerSession(ISSUER);
		HttpResponse<String> failed = browser.signIn(browser.get(ISSUER.resolve("/login")), "alice", "wrong-pass-1");
		assertThat(failed.uri().getQuery()).isEqualTo("error");

		Row row = only(records(), "customer.sign_in", "/login");
		assertThat(row.outcome()).isEqualTo("failure");
		assertThat(row.actor()).isEqualTo(this.pseudonyms.of("alice"));
		assertThat(row.details()).isEqualTo("{\"reason\":\"bad_credentials\"}");
		assertThat(row.toString()).doesNotContain("wrong-pass-1");
	}

	@Test
	@DisplayName("Issue 11 (1): a denied consent, a customer's revocation and an expiry are one record each")
	void consentLifecycle() {
		FapiTestClient partner = newPartner();
		String denied = consentDecidedAs(partner, "deny");
		Tokens tokens = Tokens.obtain(partner);
		this.consents.revokeByCustomer(new ConsentId(tokens.consentId()), "cust-alice-0001");
		Tokens expiring = Tokens.obtain(partner);
		this.jdbc.sql("UPDATE consent.consent SET expires_at = now() - interval '1 second' WHERE id = ?")
			.param(expiring.consentId())
			.update();
		assertThat(this.consents.expireDue(100)).isGreaterThanOrEqualTo(1);

		List<Row> rows = records();
		assertThat(only(rows, "consent.denied", denied).actor()).isEqualTo(this.pseudonyms.of("cust-alice-0001"));
		assertThat(only(rows, "consent.revoked", tokens.consentId())).satisfies((row) -> {
			assertThat(row.actorKind()).isEqualTo("CUSTOMER");
			assertThat(row.details()).contains("\"channel\":\"CUSTOMER\"");
		});
		assertThat(only(rows, "consent.expired", expiring.consentId())).satisfies((row) -> {
			assertThat(row.actorKind()).isEqualTo("SYSTEM");
			assertThat(row.consentId()).isEqualTo(expiring.consentId());
		});
		assertChainIntact();
	}

	@Test
	@DisplayName("Issue 11 (1): an admin's suspension, policy change, revocation (deleting the client) and the console's action record are one record each")
	void partnerLifecycleAndAdminActions() throws Exception {
		String org = newOrgId();
		FapiTestClient partner = newPartnerOfOwnOrganisation(ISSUER, org);
		this.governance.suspend(org, "admin:audit-test", "suspicious traffic");
		this.governance.updatePolicy(org, new PartnerPolicy(Set.of("ACCOUNT_BASIC"), 30, 30, RateLimitTier.values()[0]),
				"admin:audit-test", "narrowed");
		String revokedOrg = newOrgId();
		FapiTestClient revokedPartner = newPartnerOfOwnOrganisation(ISSUER, revokedOrg);
		this.governance.revoke(revokedOrg, "admin:audit-test", "fraud");
		this.adminActions.record(new AdminActions.Action("admin:audit-test", "PARTNER_SUSPEND", "PARTNER_ORG", org,
				"suspicious traffic", AdminActions.Outcome.SUCCEEDED, null, "req-123"));

		List<Row> rows = records();
		assertThat(only(rows, "partner.status_changed", org)).satisfies((row) -> {
			assertThat(row.actorKind()).isEqualTo("ADMIN");
			assertThat(row.actor()).isEqualTo("admin:audit-test");
			assertThat(row.details()).contains("\"from\":\"ACTIVE\"")
				.contains("\"to\":\"SUSPENDED\"")
				.contains("suspicious traffic");
		});
		assertThat(only(rows, "partner.policy_changed", org).details()).contains("\"clusters\":\"ACCOUNT_BASIC\"");
		assertThat(only(rows, "admin.partner_suspend", org)).satisfies((row) -> {
			assertThat(row.actor()).isEqualTo("admin:audit-test");
			assertThat(row.details()).contains("\"request_id\":\"req-123\"");
		});
		assertThat(only(rows, "partner.deleted", revokedPartner.clientId.getValue()).actorKind()).isEqualTo("SYSTEM");
		assertThat(only(rows, "partner.status_changed", revokedOrg).details()).contains("\"to\":\"REVOKED\"");
		assertThat(only(rows, "partner.registered", partner.clientId.getValue()).details()).contains(org);
		assertChainIntact();
	}

	@Test
	@DisplayName("W3C Trace Context §3.2: a request's traceparent becomes the correlation id of what it caused")
	void correlationFollowsTheRequest() throws Exception {
		String traceId = Correlation.newTraceId();
		var key = FapiTestClient.newKey("trace");
		String statement = TestDirectory.shared().sign(FapiTestClient.statementMetadata(key)).serialize();
		HttpResponse<String> registered = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(ISSUER.resolve("/register"))
				.header("Content-Type", "application/json")
				.header(Correlation.HEADER, Correlation.traceparent(traceId))
				.POST(HttpRequest.BodyPublishers.ofString("{\"software_statement\":\"" + statement + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

		assertThat(records()).filteredOn((row) -> row.type().equals("partner.registered"))
			.singleElement()
			.satisfies((row) -> assertThat(row.correlationId()).isEqualTo(traceId));
	}

	@Test
	@DisplayName("Issue 11 (3): the customer's consent page lists the partner's data accesses from the audit trail")
	void customerSeesWhoAccessedTheData() {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		String consent = tokens.consentId();
		// as the resource gateway records them
		this.trail.record(new AuditEvent("gateway.access", Actor.partner(partner.clientId.getValue()),
				"/accounts/{accountId}/transactions", "success", Correlation.newTraceId(),
				Instant.parse("2026-03-04T10:15:30Z"), consent, Map.of("account", "acc-alice-chk-01", "clusters",
						"ACCOUNT_DETAILED,TRANSACTIONS", "endpoint", "/accounts/{accountId}/transactions")));
		this.trail.record(new AuditEvent("gateway.access", Actor.partner(partner.clientId.getValue()),
				"/accounts/{accountId}", "account_not_consented", Correlation.newTraceId(),
				Instant.parse("2026-03-04T10:16:00Z"), consent,
				Map.of("account", "acc-bob-chk-01", "clusters", "", "endpoint", "/accounts/{accountId}")));
		this.trail.flush();
		assertThat(this.accesses.latest(List.of(consent), 10).get(consent)).hasSize(2);

		CustomerSession alice = new CustomerSession(ISSUER);
		alice.signIn(alice.get(ISSUER.resolve("/login")), "alice", "alice-demo-pass");
		HttpResponse<String> page = alice.get(ISSUER.resolve("/account/consents/" + consent));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Who accessed your data")
			.contains("4 March 2026, 10:15:30 UTC")
			.contains("Transactions")
			.contains("Shared")
			.contains("Refused (account not consented)")
			.contains("An account not shared with this app")
			.doesNotContain("acc-bob-chk-01");
		HttpResponse<String> home = alice.get(ISSUER.resolve("/account"));
		assertThat(home.body()).contains("Last accessed:").contains("4 March 2026, 10:16:00 UTC");
	}

	@Test
	@DisplayName("Issue 11 (2): checkpoints are signed with ES256 and ML-DSA-65, whose public keys are published")
	void signedCheckpoints() throws Exception {
		this.trail.record(AuditEvent.of("test.checkpoint", Actor.system("test"), null, "success"));
		this.trail.flush();
		assertThat(this.checkpoints.checkpoint()).isNotNull();
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.intact()).as(verification.summary()).isTrue();
		assertThat(verification.checkpoints()).isPositive();
		HttpResponse<String> keys = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(ISSUER.resolve("/.well-known/audit-checkpoint-keys")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(keys.statusCode()).isEqualTo(200);
		assertThat(keys.body()).contains("\"algorithm\":\"ES256\"").contains("\"algorithm\":\"ML-DSA-65\"");
		String stored = Base64.getEncoder()
			.encodeToString(this.jdbc.sql("SELECT public_key FROM audit.checkpoint_key WHERE algorithm = 'ML-DSA-65'")
				.query(byte[].class)
				.single());
		assertThat(keys.body()).contains(stored);
	}

	@Test
	@DisplayName("Issue 11 (2): the verification endpoint is behind the console's sign-in")
	void verificationEndpointNeedsAnAdmin() throws Exception {
		HttpResponse<String> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(ISSUER.resolve("/admin/audit/verification")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").map(URI::create).map(URI::getPath))
			.hasValue("/admin/login");
	}

	private String consentDecidedAs(FapiTestClient partner, String decision) {
		CodeVerifier verifier = new CodeVerifier();
		String requestUri = pushStandardRequest(partner, verifier);
		new CustomerSession(ISSUER).authorize(authorizationUrl(partner, requestUri), "alice", "alice-demo-pass",
				List.of("acc-alice-chk-01"), decision);
		return this.jdbc.sql("SELECT id FROM consent.consent WHERE client_id = ? ORDER BY created_at DESC LIMIT 1")
			.param(partner.clientId.getValue())
			.query(String.class)
			.single();
	}

	private void assertChainIntact() {
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.intact()).as(verification.summary()).isTrue();
	}

	private List<Row> records() {
		this.trail.flush();
		return this.jdbc
			.sql("SELECT seq, type, actor_kind, actor, subject, outcome, correlation_id, consent_id, details "
					+ "FROM audit.event WHERE seq > ? ORDER BY seq")
			.param(this.before)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
			.list();
	}

	private static Row only(List<Row> rows, String type, String subject) {
		List<Row> matching = rows.stream()
			.filter((row) -> row.type().equals(type) && subject.equals(row.subject()))
			.toList();
		assertThat(matching).as(type + " of " + subject + " in " + rows).hasSize(1);
		return matching.get(0);
	}

	private record Row(long seq, String type, String actorKind, String actor, String subject, String outcome,
			String correlationId, String consentId, String details) {
	}

}
