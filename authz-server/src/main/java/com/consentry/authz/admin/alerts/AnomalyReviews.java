package com.consentry.authz.admin.alerts;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import com.consentry.authz.admin.AdminActions;
import com.consentry.registry.IllegalPartnerTransitionException;
import com.consentry.registry.PartnerGovernance;
import com.consentry.registry.PartnerStatus;
import com.consentry.registry.PartnerStatusChange;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.Assert;

/**
 * An admin's review of what anomaly detection did to a partner: clearing a throttle
 * (deleting its row of {@code gateway.partner_throttle}; the trigger tells every gateway
 * instance at once) and lifting a suspension request (one not applied yet is decided
 * {@code lifted} and never applied; one applied is lifted by reactivating the partner's
 * organisation through {@link PartnerGovernance}). Each is one transaction with its
 * record in {@link AdminActions}; a refused one changes nothing and is recorded as
 * refused.
 */
@Component
class AnomalyReviews {

	static final String TARGET = "PARTNER_CLIENT";

	static final String CLEAR_THROTTLE = "ANOMALY_THROTTLE_CLEAR";

	static final String LIFT_SUSPENSION = "ANOMALY_SUSPENSION_LIFT";

	private final JdbcClient jdbc;

	private final PartnerGovernance governance;

	private final AdminActions actions;

	private final TransactionOperations transactions;

	AnomalyReviews(JdbcClient jdbc, PartnerGovernance governance, AdminActions actions,
			TransactionOperations transactions) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(governance, "governance cannot be null");
		Assert.notNull(actions, "actions cannot be null");
		Assert.notNull(transactions, "transactions cannot be null");
		this.jdbc = jdbc;
		this.governance = governance;
		this.actions = actions;
		this.transactions = transactions;
	}

	/**
	 * The partner an alert is about.
	 * @throws NoSuchElementException for an alert that does not exist (or no gateway ran
	 * on this database)
	 */
	String partnerOf(long alertId) {
		if (!gatewaySeen()) {
			throw new NoSuchElementException("no alert " + alertId);
		}
		return this.jdbc.sql("SELECT client_id FROM gateway.anomaly_alert WHERE id = ?")
			.param(alertId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("no alert " + alertId));
	}

	/**
	 * Ends the throttle the alert set.
	 * @return why it was refused, or empty when cleared
	 */
	Optional<String> clearThrottle(long alertId, String clientId, String actor, String reason, String requestId) {
		String refusal = this.transactions.execute((status) -> {
			int cleared = this.jdbc.sql("DELETE FROM gateway.partner_throttle WHERE alert_id = ?")
				.param(alertId)
				.update();
			if (cleared == 0) {
				return "Alert " + alertId + " holds no throttle (any more): nothing to clear.";
			}
			record(CLEAR_THROTTLE, clientId, actor, reason, AdminActions.Outcome.SUCCEEDED,
					"alert " + alertId + ": throttle cleared, the partner's own rate-limit tier applies", requestId);
			return null;
		});
		if (refusal != null) {
			refused(CLEAR_THROTTLE, clientId, actor, reason, alertId, refusal, requestId);
		}
		return Optional.ofNullable(refusal);
	}

	/**
	 * Lifts the suspension the alert asked for.
	 * @return why it was refused, or empty when lifted
	 * @throws NoSuchElementException when the alert asked for no suspension
	 */
	Optional<String> liftSuspension(long alertId, String clientId, String actor, String reason, String requestId) {
		String refusal;
		try {
			refusal = this.transactions.execute((status) -> lift(alertId, clientId, actor, reason, requestId, status));
		}
		catch (IllegalPartnerTransitionException ex) {
			refusal = "The partner's organisation can no longer be reactivated: " + ex.getMessage();
		}
		if (refusal != null) {
			refused(LIFT_SUSPENSION, clientId, actor, reason, alertId, refusal, requestId);
		}
		return Optional.ofNullable(refusal);
	}

	private @Nullable String lift(long alertId, String clientId, String actor, String reason, String requestId,
			TransactionStatus status) {
		// locked: the applying job (SKIP LOCKED) and a second admin wait for this
		// decision
		List<Request> requests = this.jdbc.sql("""
				SELECT decision, lifted_at IS NOT NULL FROM gateway.partner_suspension_request
				WHERE alert_id = ? FOR UPDATE""")
			.param(alertId)
			.query((rs, row) -> new Request(rs.getString(1), rs.getBoolean(2)))
			.list();
		if (requests.isEmpty()) {
			throw new NoSuchElementException("alert " + alertId + " asked for no suspension");
		}
		String decision = requests.get(0).decision();
		if (requests.get(0).lifted()) {
			return "The suspension alert " + alertId + " asked for was lifted already.";
		}
		String detail;
		if (decision == null) {
			detail = "alert " + alertId + ": suspension request withdrawn before it was applied";
		}
		else if ("suspended".equals(decision)) {
			List<String[]> partner = this.jdbc.sql("SELECT org_id, status FROM registry.partner WHERE client_id = ?")
				.param(clientId)
				.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
				.list();
			if (partner.isEmpty() || !PartnerStatus.SUSPENDED.name().equals(partner.get(0)[1])) {
				return "The partner is " + (partner.isEmpty() ? "no longer registered" : partner.get(0)[1])
						+ " now: there is no suspension to lift.";
			}
			String orgId = partner.get(0)[0];
			// only the suspension this alert asked for is lifted here, not a later one
			// (an admin's, after a reactivation); checked again once reactivate holds the
			// organisation's lock, against one that slipped in between
			String later = laterSuspension(orgId, alertId, 1);
			if (later != null) {
				return later;
			}
			this.governance.reactivate(orgId, actor, "Anomaly alert " + alertId + " reviewed: " + reason);
			later = laterSuspension(orgId, alertId, 2);
			if (later != null) {
				status.setRollbackOnly();
				return later;
			}
			detail = "alert " + alertId + ": organisation " + orgId + " SUSPENDED -> ACTIVE";
		}
		else {
			return "The suspension alert " + alertId + " asked for was not applied (" + decision
					+ "): there is nothing to lift.";
		}
		this.jdbc.sql("""
				UPDATE gateway.partner_suspension_request
				SET lifted_at = now(), lifted_by = ?, decided_at = coalesce(decided_at, now()),
				    decision = coalesce(decision, 'lifted')
				WHERE alert_id = ?""").params(actor, alertId).update();
		record(LIFT_SUSPENSION, clientId, actor, reason, AdminActions.Outcome.SUCCEEDED, detail, requestId);
		return null;
	}

	/**
	 * Why the organisation's suspension is not the one the alert asked for, or
	 * {@code null} when it is: the status change {@code fromEnd} from the end of its
	 * history must be {@link AnomalySuspensions}' suspension for this alert.
	 */
	private @Nullable String laterSuspension(String orgId, long alertId, int fromEnd) {
		List<PartnerStatusChange> history = this.governance.history(orgId);
		PartnerStatusChange suspension = (history.size() < fromEnd) ? null : history.get(history.size() - fromEnd);
		if (suspension != null && suspension.to() == PartnerStatus.SUSPENDED
				&& AnomalySuspensions.ACTOR.equals(suspension.actor())
				&& suspension.reason().startsWith("Anomaly alert " + alertId + ":")) {
			return null;
		}
		return "The partner's organisation was suspended again since"
				+ ((suspension != null) ? " (by " + suspension.actor() + ")" : "")
				+ ": that suspension is not this alert's to lift; review that one on the partners page.";
	}

	/** Records a form posted without a usable reason; nothing else changes. */
	void refusedForReason(String action, String clientId, String actor, String reason, long alertId, String requestId) {
		refused(action, clientId, actor, reason, alertId, "no reason given", requestId);
	}

	boolean gatewaySeen() {
		return this.jdbc.sql("SELECT to_regclass('gateway.anomaly_alert') IS NOT NULL").query(Boolean.class).single();
	}

	private void refused(String action, String clientId, String actor, String reason, long alertId, String why,
			String requestId) {
		record(action, clientId, actor, reason, AdminActions.Outcome.REFUSED, "alert " + alertId + ": " + why,
				requestId);
	}

	private void record(String action, String clientId, String actor, String reason, AdminActions.Outcome outcome,
			String detail, String requestId) {
		this.actions.record(new AdminActions.Action(actor, action, TARGET, clientId, reason.isEmpty() ? null : reason,
				outcome, detail, requestId));
	}

	private record Request(@Nullable String decision, boolean lifted) {
	}

}
