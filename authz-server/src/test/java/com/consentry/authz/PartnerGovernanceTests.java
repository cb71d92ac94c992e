package com.consentry.authz;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.consentry.authz.support.Tokens;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.Consents;
import com.consentry.consent.PartyType;
import com.consentry.registry.IllegalPartnerTransitionException;
import com.consentry.registry.PartnerDirectory;
import com.consentry.registry.PartnerGovernance;
import com.consentry.registry.PartnerOrganisation;
import com.consentry.registry.PartnerPolicy;
import com.consentry.registry.PartnerPolicyChanged;
import com.consentry.registry.PartnerStatus;
import com.consentry.registry.PartnerStatusChange;
import com.consentry.registry.PartnerStatusChanged;
import com.consentry.registry.RateLimitTier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Partner governance (issue 10) on two server instances sharing one database: a bank
 * admin's decision, taken through {@link PartnerGovernance} on the first instance, holds
 * at once on the second, which registers partners PENDING (no auto-approval) and whose
 * caches (registered clients, policies) must not serve what changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RecordApplicationEvents
class PartnerGovernanceTests extends AuthorizationServerTest {

	private static final String ADMIN = "admin:test-admin";

	@Autowired
	EmbeddedPostgres database;

	@Autowired
	PartnerGovernance governance;

	@Autowired
	PartnerDirectory directory;

	@Autowired
	Consents consents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	ConfigurableApplicationContext second;

	URI secondBase;

	@BeforeAll
	void startSecondInstance() {
		int port = freePort();
		this.secondBase = URI.create("http://localhost:" + port);
		this.second = new SpringApplicationBuilder(AuthorizationServerApplication.class).profiles("test")
			.run("--server.port=" + port, "--consentry.issuer=" + ISSUER,
					"--spring.datasource.url=" + this.database.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--consentry.demo.enabled=false",
					"--consentry.registry.auto-approve=false", "--consentry.notification.allow-private-addresses=false",
					"--consentry.registry.directory.jwks-uri=" + TestDirectory.shared().jwksUri(),
					"--consentry.introspection.resource-servers[0].client-id=" + GATEWAY_CLIENT_ID,
					"--consentry.introspection.resource-servers[0].jwks="
							+ new JWKSet(GATEWAY_KEY.toPublicJWK()).toString());
	}

	@AfterAll
	void stopSecondInstance() {
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	@DisplayName("Lifecycle: PENDING → ACTIVE → SUSPENDED ⇄ ACTIVE → REVOKED are allowed; each is recorded with who, when and why, and announced after commit")
	void allowedTransitionsAreRecorded() {
		String orgId = newOrgId();
		newPartnerOfOwnOrganisation(this.secondBase, orgId);
		assertThat(statusOf(orgId)).isEqualTo(PartnerStatus.PENDING);

		this.governance.approve(orgId, ADMIN, "due diligence done");
		this.governance.suspend(orgId, ADMIN, "incident 42");
		this.governance.reactivate(orgId, ADMIN, "incident 42 closed");
		PartnerStatusChange revoked = this.governance.revoke(orgId, ADMIN, "contract ended");

		assertThat(revoked.from()).isEqualTo(PartnerStatus.ACTIVE);
		assertThat(this.governance.history(orgId)).extracting(PartnerStatusChange::to, PartnerStatusChange::reason)
			.containsExactly(tuple(PartnerStatus.ACTIVE, "due diligence done"),
					tuple(PartnerStatus.SUSPENDED, "incident 42"), tuple(PartnerStatus.ACTIVE, "incident 42 closed"),
					tuple(PartnerStatus.REVOKED, "contract ended"));
		assertThat(this.governance.history(orgId)).allSatisfy((change) -> {
			assertThat(change.actor()).isEqualTo(ADMIN);
			assertThat(change.at()).isNotNull();
		});
		assertThat(this.events.stream(PartnerStatusChanged.class).map(PartnerStatusChanged::change))
			.filteredOn((change) -> change.orgId().equals(orgId))
			.hasSize(4);
		assertThat(statusOf(orgId)).isEqualTo(PartnerStatus.REVOKED);
	}

	@Test
	@DisplayName("Lifecycle: illegal transitions are refused and change nothing; REVOKED is final")
	void illegalTransitionsAreRefused() {
		String orgId = newOrgId();
		newPartnerOfOwnOrganisation(this.secondBase, orgId);
		assertRefused(() -> this.governance.suspend(orgId, ADMIN, "r"), PartnerStatus.PENDING);
		assertRefused(() -> this.governance.reactivate(orgId, ADMIN, "r"), PartnerStatus.PENDING);
		this.governance.approve(orgId, ADMIN, "ok");
		assertRefused(() -> this.governance.approve(orgId, ADMIN, "r"), PartnerStatus.ACTIVE);
		assertRefused(() -> this.governance.reactivate(orgId, ADMIN, "r"), PartnerStatus.ACTIVE);
		this.governance.suspend(orgId, ADMIN, "r");
		assertRefused(() -> this.governance.suspend(orgId, ADMIN, "r"), PartnerStatus.SUSPENDED);
		assertRefused(() -> this.governance.approve(orgId, ADMIN, "r"), PartnerStatus.SUSPENDED);
		this.governance.revoke(orgId, ADMIN, "r");
		assertRefused(() -> this.governance.approve(orgId, ADMIN, "r"), PartnerStatus.REVOKED);
		assertRefused(() -> this.governance.reactivate(orgId, ADMIN, "r"), PartnerStatus.REVOKED);
		assertRefused(() -> this.governance.suspend(orgId, ADMIN, "r"), PartnerStatus.REVOKED);
		assertRefused(() -> this.governance.revoke(orgId, ADMIN, "r"), PartnerStatus.REVOKED);
		assertThat(this.governance.history(orgId)).hasSize(3);

		String pending = newOrgId();
		newPartnerOfOwnOrganisation(this.secondBase, pending);
		assertThatIllegalArgumentException().isThrownBy(() -> this.governance.approve(pending, ADMIN, " "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.governance.approve(pending, " ", "reason"));
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> this.governance.approve("org-nobody", ADMIN, "reason"));
		assertThat(this.governance.history(pending)).isEmpty();
		assertThat(statusOf(pending)).isEqualTo(PartnerStatus.PENDING);
		this.governance.revoke(pending, ADMIN, "never approved");
		assertThat(statusOf(pending)).isEqualTo(PartnerStatus.REVOKED);
	}

	@Test
	@DisplayName("RFC6749 §5.2: a PENDING partner's PAR and token requests are unauthorized_client on both instances until approved on one")
	void pendingPartnerIsRefusedUntilApproved() {
		String orgId = newOrgId();
		FapiTestClient onSecond = newPartnerOfOwnOrganisation(this.secondBase, orgId);
		FapiTestClient onFirst = onSecond.via(ISSUER);
		for (FapiTestClient partner : List.of(onFirst, onSecond)) {
			assertUnauthorizedClient(partner.push(partner.authorizationRequest(new CodeVerifier()).build()));
			// A refresh grant: Spring checks an authorization code against PKCE before
			// the
			// partner's standing, and a PENDING partner cannot have obtained one.
			assertUnauthorizedClient(partner.refresh(new RefreshToken("made-up-refresh-token")));
		}

		this.governance.approve(orgId, ADMIN, "approved");

		assertThat(onSecond.push(onSecond.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.isEqualTo(201);
		assertThat(onFirst.push(onFirst.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.isEqualTo(201);
	}

	@Test
	@DisplayName("Lifecycle: a SUSPENDED partner gets no PAR or refresh and its tokens are inactive on the other instance, consents kept; reactivation restores its tokens")
	void suspensionStopsTokensUntilReactivated() throws Exception {
		String orgId = newOrgId();
		FapiTestClient partner = newPartnerOfOwnOrganisation(ISSUER, orgId);
		Tokens tokens = Tokens.obtain(partner);
		FapiTestClient onSecond = partner.via(this.secondBase);
		FapiTestClient gatewayOnSecond = gateway().via(this.secondBase);
		assertThat(introspect(gatewayOnSecond, tokens.accessToken()).get("active")).isEqualTo(true);

		this.governance.suspend(orgId, ADMIN, "suspicious traffic");

		assertUnauthorizedClient(onSecond.push(onSecond.authorizationRequest(new CodeVerifier()).build()));
		assertUnauthorizedClient(onSecond.refresh(tokens.refreshToken()));
		assertThat(introspect(gatewayOnSecond, tokens.accessToken()).get("active")).isEqualTo(false);
		assertThat(introspect(gateway(), tokens.accessToken()).get("active")).isEqualTo(false);
		assertThat(this.consents.isActive(new ConsentId(tokens.consentId()))).as("consent kept").isTrue();

		this.governance.reactivate(orgId, ADMIN, "traffic explained");

		assertThat(introspect(gatewayOnSecond, tokens.accessToken()).get("active")).isEqualTo(true);
		Tokens refreshed = Tokens.fromResponse(onSecond.refresh(tokens.refreshToken()));
		assertThat(refreshed.consentId()).isEqualTo(tokens.consentId());
	}

	@Test
	@DisplayName("Lifecycle: REVOKED revokes every consent (BUSINESS_RULE, DATA_PROVIDER) and token on both instances; the registration is gone for good (RFC7592 401, no new registration)")
	void revocationEndsEverything() throws Exception {
		String orgId = newOrgId();
		FapiTestClient partner = newPartnerOfOwnOrganisation(ISSUER, orgId);
		Tokens tokens = Tokens.obtain(partner);
		FapiTestClient onSecond = partner.via(this.secondBase);
		assertThat(onSecond.refresh(tokens.refreshToken()).getStatusCode()).isEqualTo(200);
		ConsentId consentId = new ConsentId(tokens.consentId());

		this.governance.revoke(orgId, ADMIN, "licence withdrawn");

		assertThat(this.consents.find(consentId).orElseThrow().status()).isEqualTo(ConsentStatus.REVOKED);
		assertThat(this.consents.revocation(consentId)).hasValueSatisfying((revocation) -> {
			assertThat(revocation.reason()).isEqualTo(ConsentUpdateReason.BUSINESS_RULE);
			assertThat(revocation.initiator()).isEqualTo(PartyType.DATA_PROVIDER);
		});
		assertThat(introspect(gateway().via(this.secondBase), tokens.accessToken()).get("active")).isEqualTo(false);
		HTTPResponse refresh = onSecond.refresh(tokens.refreshToken());
		assertThat(refresh.getStatusCode()).as(refresh.getBody()).isEqualTo(401);
		assertThat(onSecond.push(onSecond.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.isEqualTo(401);
		HTTPRequest read = new HTTPRequest(HTTPRequest.Method.GET,
				this.secondBase.resolve("/register/" + partner.clientId));
		read.setAuthorization("Bearer " + partner.registrationAccessToken);
		assertThat(read.send().getStatusCode()).isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT status FROM registry.partner WHERE client_id = ?")
			.param(partner.clientId.getValue())
			.query(String.class)
			.single()).isEqualTo("REVOKED");
		Map<String, Object> metadata = new HashMap<>(FapiTestClient.statementMetadata(partner.clientKey));
		metadata.putAll(Map.of("org_id", orgId, "org_name", "Fintech " + orgId));
		var again = FapiTestClient.sendRegistration(this.secondBase, TestDirectory.shared().sign(metadata));
		assertThat(again.indicatesSuccess()).isFalse();
		assertThat(again.toErrorResponse().getErrorObject().getCode()).isEqualTo("unapproved_software_statement");
	}

	@Test
	@DisplayName("RFC9396 §5: a policy change on one instance holds at once on the other, whose cache had the old policy")
	void policyChangeReachesTheOtherInstance() {
		String orgId = newOrgId();
		FapiTestClient onSecond = newPartnerOfOwnOrganisation(ISSUER, orgId).via(this.secondBase);
		assertThat(onSecond.push(onSecond.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.as("the default policy allows the standard request, and is now cached")
			.isEqualTo(201);

		this.governance.updatePolicy(orgId,
				new PartnerPolicy(Set.of("ACCOUNT_DETAILED"), 365, 730, RateLimitTier.LIMITED), ADMIN,
				"transactions not contracted");

		HTTPResponse refused = onSecond.push(onSecond.authorizationRequest(new CodeVerifier()).build());
		assertThat(refused.getStatusCode()).isEqualTo(400);
		assertThat(refused.getBody()).contains("invalid_authorization_details")
			.contains("dataCluster TRANSACTIONS is not allowed for this partner");
		assertThat(this.events.stream(PartnerPolicyChanged.class)).anySatisfy((changed) -> {
			assertThat(changed.orgId()).isEqualTo(orgId);
			assertThat(changed.policy().rateLimitTier()).isEqualTo(RateLimitTier.LIMITED);
		});
		assertThat(this.jdbc.sql("SELECT rate_limit_tier FROM registry.partner_policy WHERE org_id = ?")
			.param(orgId)
			.query(String.class)
			.single()).isEqualTo("LIMITED");
	}

	@Test
	@DisplayName("Partner directory: organisations with their software, redirect URIs, key thumbprints, status and policy, found by status and by name")
	void directoryListsOrganisations() {
		String orgId = newOrgId();
		FapiTestClient first = newPartnerOfOwnOrganisation(this.secondBase, orgId);
		FapiTestClient second = newPartnerOfOwnOrganisation(this.secondBase, orgId);

		PartnerOrganisation organisation = this.directory.find(orgId).orElseThrow();
		assertThat(organisation.status()).isEqualTo(PartnerStatus.PENDING);
		assertThat(organisation.orgName()).isEqualTo("Fintech " + orgId);
		assertThat(organisation.software()).extracting((software) -> software.clientId())
			.containsExactlyInAnyOrder(first.clientId.getValue(), second.clientId.getValue());
		assertThat(organisation.software().get(0).redirectUris()).containsExactly(FapiTestClient.REDIRECT_URI);
		assertThat(organisation.software().get(0).keys()).singleElement()
			.satisfies((key) -> assertThat(key.thumbprint()).isIn(thumbprint(first), thumbprint(second)));
		assertThat(organisation.policy().allowedDataClusters()).contains("TRANSACTIONS", "STATEMENTS");
		assertThat(organisation.policy().maxDurationDays()).isEqualTo(365);
		assertThat(organisation.policy().maxLookbackDays()).isEqualTo(730);
		assertThat(organisation.policy().rateLimitTier()).isEqualTo(RateLimitTier.STANDARD);

		assertThat(this.directory.search(PartnerStatus.PENDING, orgId.substring(4).toUpperCase()))
			.extracting(PartnerOrganisation::orgId)
			.containsExactly(orgId);
		assertThat(this.directory.search(PartnerStatus.ACTIVE, orgId)).isEmpty();
		assertThat(this.directory.search(null, "test budget app")).extracting(PartnerOrganisation::orgId)
			.contains(orgId);
	}

	@Test
	@DisplayName("RFC7592 §2.2: a key removed by an update on one instance is refused at once on the other, whose client cache had it")
	void keyRemovalReachesTheOtherInstance() throws Exception {
		String orgId = newOrgId();
		FapiTestClient partner = newPartnerOfOwnOrganisation(ISSUER, orgId);
		FapiTestClient onSecond = partner.via(this.secondBase);
		assertThat(onSecond.push(onSecond.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.isEqualTo(201);
		ECKey next = FapiTestClient.newKey("client-next");
		Map<String, Object> metadata = new HashMap<>(FapiTestClient.statementMetadata(next));
		metadata.putAll(Map.of("org_id", orgId, "org_name", "Fintech " + orgId));
		HTTPRequest update = new HTTPRequest(HTTPRequest.Method.PUT, ISSUER.resolve("/register/" + partner.clientId));
		update.setAuthorization("Bearer " + partner.registrationAccessToken);
		update.setContentType("application/json");
		update.setBody(JSONObjectUtils.toJSONString(Map.of("client_id", partner.clientId.getValue(),
				"software_statement", TestDirectory.shared().sign(metadata).serialize())));
		assertThat(update.send().getStatusCode()).isEqualTo(200);

		HTTPResponse oldKey = onSecond.push(onSecond.authorizationRequest(new CodeVerifier()).build());
		assertThat(oldKey.getStatusCode()).as(oldKey.getBody()).isEqualTo(401);
		FapiTestClient nextOnSecond = FapiTestClient.existing(ISSUER, partner.clientId.getValue(), next)
			.via(this.secondBase);
		assertThat(nextOnSecond.push(nextOnSecond.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.isEqualTo(201);
	}

	private static String thumbprint(FapiTestClient client) {
		try {
			return client.clientKey.computeThumbprint().toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private PartnerStatus statusOf(String orgId) {
		return this.directory.find(orgId).orElseThrow().status();
	}

	private static void assertRefused(Runnable transition, PartnerStatus from) {
		assertThatExceptionOfType(IllegalPartnerTransitionException.class).isThrownBy(transition::run)
			.satisfies((refused) -> assertThat(refused.from()).isEqualTo(from));
	}

	private static void assertUnauthorizedClient(HTTPResponse response) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
		assertThat(response.getBody()).contains("unauthorized_client");
	}

}
