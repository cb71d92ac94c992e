package com.consentry.authz.admin.alerts;

import javax.sql.DataSource;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.GatewaySchema;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.registry.PartnerGovernance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway asks, the authorization server suspends: open rows of
 * {@code gateway.partner_suspension_request} become suspensions through the registry's
 * governance, recorded with actor {@code anomaly-detector} and the evidence.
 */
class AnomalySuspensionsTests extends AuthorizationServerTest {

	@Autowired
	AnomalySuspensions suspensions;

	@Autowired
	AnomalyReviews reviews;

	@Autowired
	PartnerGovernance governance;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void gatewaySchema() {
		GatewaySchema.migrate(this.dataSource);
	}

	private long request(String clientId) {
		long alert = this.jdbc
			.sql("""
					INSERT INTO gateway.anomaly_alert (client_id, detector, raised_at, score, response, evidence, instance_id)
					VALUES (?, 'enumeration', now(), 10, 'suspend', '{"refused_accounts": "10"}', 'gw-test') RETURNING id""")
			.param(clientId)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO gateway.partner_suspension_request (alert_id, client_id, reason, requested_at)
				VALUES (?, ?, 'enumeration by the partner: refused_accounts=10', now())""")
			.params(alert, clientId)
			.update();
		return alert;
	}

	private String decision(long alert) {
		return this.jdbc.sql("SELECT decision FROM gateway.partner_suspension_request WHERE alert_id = ?")
			.param(alert)
			.query(String.class)
			.single();
	}

	@Test
	@DisplayName("Issue 11 (5): a suspension the gateway asked for suspends the partner's organisation once, as anomaly-detector with the evidence; a second for the suspended partner and one for an unknown client change nothing")
	void applyWhenRequestedThenPartnerSuspendedOnce() {
		String orgId = newOrgId();
		FapiTestClient partner = newPartnerOfOwnOrganisation(ISSUER, orgId);
		String clientId = partner.clientId.getValue();
		long first = request(clientId);
		long second = request(clientId);
		long unknown = request("no-such-client");

		this.suspensions.apply();

		assertThat(decision(first)).isEqualTo("suspended");
		assertThat(decision(second)).isEqualTo("not_active");
		assertThat(decision(unknown)).isEqualTo("dismissed");
		assertThat(this.jdbc.sql("SELECT status FROM registry.partner WHERE client_id = ?")
			.param(clientId)
			.query(String.class)
			.single()).isEqualTo("SUSPENDED");
		assertThat(this.jdbc
			.sql("SELECT actor || ' ' || reason FROM registry.partner_status_change WHERE org_id = ? "
					+ "AND to_status = 'SUSPENDED'")
			.param(orgId)
			.query(String.class)
			.list()).singleElement()
			.asString()
			.startsWith("anomaly-detector Anomaly alert " + first)
			.contains("refused_accounts=10");
		assertThat(this.suspensions.apply()).isZero();
	}

	@Test
	@DisplayName("Issue 11 (5): lifting an anomaly suspension reactivates only that suspension: once an admin reactivated the partner and suspended it again for another reason, the lift is refused and the partner stays SUSPENDED")
	void liftWhenPartnerSuspendedAgainSinceThenRefused() {
		String orgId = newOrgId();
		String clientId = newPartnerOfOwnOrganisation(ISSUER, orgId).clientId.getValue();
		long alert = request(clientId);
		this.suspensions.apply();
		this.governance.reactivate(orgId, "admin:first", "False alarm");
		this.governance.suspend(orgId, "admin:second", "Fraud investigation");

		assertThat(this.reviews.liftSuspension(alert, clientId, "admin:third", "Reviewed", "req-1"))
			.hasValueSatisfying((refusal) -> assertThat(refusal).contains("admin:second"));

		assertThat(this.jdbc.sql("SELECT status FROM registry.partner WHERE client_id = ?")
			.param(clientId)
			.query(String.class)
			.single()).isEqualTo("SUSPENDED");
		assertThat(this.jdbc.sql("SELECT lifted_at IS NULL FROM gateway.partner_suspension_request WHERE alert_id = ?")
			.param(alert)
			.query(Boolean.class)
			.single()).isTrue();
	}

}
