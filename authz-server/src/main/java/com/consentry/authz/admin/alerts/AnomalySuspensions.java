package com.consentry.authz.admin.alerts;

import java.util.List;

import com.consentry.registry.PartnerGovernance;
import com.consentry.registry.PartnerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the suspensions the resource gateway's anomaly detection asked for
 * ({@code gateway.partner_suspension_request}; the gateway never writes the registry):
 * each open request suspends the partner's organisation through
 * {@link PartnerGovernance#suspend} with actor {@value #ACTOR} and the alert's evidence
 * as the reason, pending an admin's review (reactivation in the console). The request is
 * claimed with {@code FOR UPDATE SKIP LOCKED} and decided in the suspension's own
 * transaction, so several instances apply each request once. A partner no longer ACTIVE
 * is left as it is ({@code not_active}); an unknown client is {@code dismissed}.
 */
@Component
class AnomalySuspensions {

	static final String ACTOR = "anomaly-detector";

	private static final Logger logger = LoggerFactory.getLogger(AnomalySuspensions.class);

	private final JdbcClient jdbc;

	private final PartnerGovernance governance;

	private final TransactionTemplate transactions;

	AnomalySuspensions(JdbcClient jdbc, PartnerGovernance governance, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.governance = governance;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Applies the open requests, one transaction each; returns how many were decided. */
	@Scheduled(fixedDelayString = "${consentry.admin.anomaly-suspension-interval:5s}")
	int apply() {
		boolean gatewaySeen = this.jdbc.sql("SELECT to_regclass('gateway.partner_suspension_request') IS NOT NULL")
			.query(Boolean.class)
			.single();
		int decided = 0;
		while (gatewaySeen && Boolean.TRUE.equals(this.transactions.execute((status) -> applyOne()))) {
			decided++;
		}
		return decided;
	}

	private boolean applyOne() {
		List<Request> open = this.jdbc.sql("""
				SELECT alert_id, client_id, reason FROM gateway.partner_suspension_request
				WHERE decided_at IS NULL ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.query((rs, row) -> new Request(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		if (open.isEmpty()) {
			return false;
		}
		Request request = open.get(0);
		List<String[]> partner = this.jdbc.sql("SELECT org_id, status FROM registry.partner WHERE client_id = ?")
			.param(request.clientId())
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		String decision;
		if (partner.isEmpty()) {
			decision = "dismissed";
		}
		else if (!PartnerStatus.ACTIVE.name().equals(partner.get(0)[1])) {
			// checked first: a refused transition would mark this transaction
			// rollback-only
			decision = "not_active";
		}
		else {
			this.governance.suspend(partner.get(0)[0], ACTOR,
					"Anomaly alert " + request.alertId() + ": " + request.reason());
			decision = "suspended";
		}
		this.jdbc.sql("""
				UPDATE gateway.partner_suspension_request SET decided_at = now(), decision = ? WHERE alert_id = ?""")
			.params(decision, request.alertId())
			.update();
		logger.warn("Anomaly alert {}: partner {} {}", request.alertId(), request.clientId(), decision);
		return true;
	}

	private record Request(long alertId, String clientId, String reason) {
	}

}
