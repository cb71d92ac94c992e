package com.consentry.gateway.tokenization;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;
import com.consentry.gateway.grant.ConsentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A consent that ends (REVOKED, EXPIRED) takes its account tokens with it: on the consent
 * service's {@code consent_changed} notification each instance marks that consent's live
 * tokens revoked, within a second, off the listener's thread, and records each revocation
 * in the audit trail (only the instance whose update changed a row records it). Should a
 * notification be missed, the vault still refuses the token at lookup, since it reads the
 * consent there too.
 */
@Component
class ConsentEndings {

	private static final Logger logger = LoggerFactory.getLogger(ConsentEndings.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	private final Queue<String> changed = new ConcurrentLinkedQueue<>();

	ConsentEndings(JdbcClient jdbc, Clock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	@EventListener
	void consentChanged(ConsentChanged event) {
		this.changed.add(event.consentId());
	}

	@Scheduled(fixedDelay = 500)
	void revokeEnded() {
		Set<String> consents = new HashSet<>();
		for (String id = this.changed.poll(); id != null; id = this.changed.poll()) {
			consents.add(id);
		}
		if (consents.isEmpty()) {
			return;
		}
		try {
			List<Revoked> revoked = this.jdbc.sql("""
					UPDATE gateway.account_token t SET revoked_at = :now, revoked_by = 'consent',
					    revoked_reason = 'consent_' || lower(c.status)
					FROM consent.consent c
					WHERE c.id = t.consent_id AND t.consent_id = ANY (:consents) AND t.revoked_at IS NULL
					    AND c.status IN ('REVOKED', 'EXPIRED')
					RETURNING t.id, t.client_id, t.consent_id, t.account_id, t.revoked_reason""")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("consents", consents.toArray(String[]::new))
				.query((rs, row) -> new Revoked(rs.getLong("id"), rs.getString("client_id"), rs.getString("consent_id"),
						rs.getString("account_id"), rs.getString("revoked_reason")))
				.list();
			for (Revoked row : revoked) {
				this.audit.record(AuditEvent
					.of(VaultEvents.REVOKED, Actor.system("resource-gateway"), VaultEvents.subject(row.id()), "success")
					.withConsent(row.consentId())
					.withDetails(
							Map.of("partner", row.clientId(), "account", row.accountId(), "reason", row.reason())));
			}
		}
		catch (DataAccessException ex) {
			// tried again with the next change; the lookup refuses these tokens meanwhile
			logger.warn("Could not revoke the account tokens of ended consents: {}", ex.getMessage());
			this.changed.addAll(new ArrayList<>(consents));
		}
	}

	private record Revoked(long id, String clientId, String consentId, String accountId, String reason) {
	}

}
