package com.consentry.gateway.anomaly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;
import com.consentry.audit.Correlation;
import com.consentry.gateway.observability.AccessRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches every partner's FDX requests ({@link AccessRecord}, published after each) and
 * acts on what {@link PartnerBehaviour} finds: each alert is logged at once on
 * {@code consentry.gateway.anomaly}, a throttle applies on this instance at once; then,
 * off the request's path (every {@code refresh-interval}), the alert and its evidence are
 * written to {@code gateway.anomaly_alert} with the throttle or suspension request its
 * response needs, and to the audit trail ({@code anomaly.detected}, actor
 * {@code anomaly-detector}, in the trace of the request that tipped it). A throttle an
 * admin clears ends on every instance when {@code partner_throttle_changed} is heard
 * ({@link ThrottleChanges}), at the latest at the next refresh. Every
 * {@code flush-interval} this instance writes its hourly counts and new keys and reads
 * the other instances'.
 */
@Component
@EnableConfigurationProperties(AnomalyProperties.class)
public class AnomalyWatch {

	private static final Logger logger = LoggerFactory.getLogger("consentry.gateway.anomaly");

	private final AnomalyProperties settings;

	private final PartnerBehaviour behaviour;

	private final AnomalyLedger ledger;

	private final AuditTrail trail;

	private final Clock clock;

	private final ConcurrentLinkedQueue<Raised> raised = new ConcurrentLinkedQueue<>();

	private final Set<String> throttledHere = ConcurrentHashMap.newKeySet();

	private volatile Set<String> throttled = Set.of();

	private volatile Instant historyReadAt = Instant.EPOCH;

	AnomalyWatch(AnomalyProperties settings, DataSource dataSource, AuditTrail trail, Clock clock) {
		this.settings = settings;
		this.behaviour = new PartnerBehaviour(settings);
		this.ledger = new AnomalyLedger(dataSource,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), UUID.randomUUID().toString());
		this.trail = trail;
		this.clock = clock;
	}

	@EventListener
	void accessed(AccessRecord record) {
		if (!this.settings.enabled()) {
			return;
		}
		for (Alert alert : this.behaviour.observe(record)) {
			logger.atWarn()
				.addKeyValue("partner", alert.clientId())
				.addKeyValue("detector", alert.detector().key())
				.addKeyValue("response", alert.response().key())
				.log("Anomaly: {}", alert.summary());
			if (alert.response() != Response.ALERT) {
				this.throttledHere.add(alert.clientId());
			}
			this.raised.add(new Raised(alert, Correlation.currentTraceId()));
		}
	}

	/**
	 * Whether the partner's rate limits are lowered by an anomaly's response (until an
	 * admin clears it).
	 */
	public boolean throttled(String clientId) {
		return this.throttledHere.contains(clientId) || this.throttled.contains(clientId);
	}

	/** Writes raised alerts and reads which partners are throttled. */
	@Scheduled(fixedDelayString = "${consentry.gateway.anomaly.refresh-interval:5s}")
	void refresh() {
		try {
			for (Raised next = this.raised.peek(); next != null; next = this.raised.peek()) {
				long id = this.ledger.record(next.alert());
				audit(next, id);
				this.raised.remove();
			}
			readThrottles();
		}
		catch (DataAccessException ex) {
			logger.warn("Anomaly alerts not written yet ({}), retrying", ex.getMessage());
		}
	}

	/**
	 * Reads the throttled partners again, at once: a throttle was set or cleared
	 * ({@code partner_throttle_changed}).
	 */
	void throttlesChanged() {
		try {
			readThrottles();
		}
		catch (DataAccessException ex) {
			logger.warn("Throttled partners not read ({}), retrying at the next refresh", ex.getMessage());
		}
	}

	private synchronized void readThrottles() {
		// pending first: an alert written after this snapshot is in the table read next
		Set<String> pending = pendingThrottles();
		Set<String> fromTable = this.ledger.throttled();
		// a throttle raised here is in the table now; one cleared by an admin is gone
		this.throttledHere.retainAll(pending);
		this.throttled = fromTable;
	}

	/** Shares this instance's counts and keys, and learns the other instances'. */
	@Scheduled(fixedDelayString = "${consentry.gateway.anomaly.flush-interval:60s}")
	void flush() {
		Instant now = this.clock.instant();
		Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
		try {
			this.ledger.writeCounts(this.behaviour.ownCounts(currentHour.minus(Duration.ofHours(1))));
			this.ledger.writeKeys(this.behaviour.drainNewKeys(), now);
			boolean wholeHistory = this.historyReadAt.isBefore(now.minus(Duration.ofHours(1)));
			Instant since = wholeHistory ? currentHour.minus(Duration.ofDays(this.settings.historyDays() + 1))
					: currentHour.minus(Duration.ofHours(1));
			this.behaviour.peerCounts(this.ledger.peerCounts(since), since);
			if (wholeHistory) {
				this.behaviour.knownKeys(this.ledger.keys());
				this.ledger.forgetBefore(currentHour.minus(Duration.ofDays(this.settings.historyDays() + 2)));
				this.historyReadAt = now;
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Partner traffic counts not shared ({}), retrying", ex.getMessage());
		}
	}

	private Set<String> pendingThrottles() {
		Set<String> pending = ConcurrentHashMap.newKeySet();
		this.raised.forEach((next) -> {
			if (next.alert().response() != Response.ALERT) {
				pending.add(next.alert().clientId());
			}
		});
		return pending;
	}

	private void audit(Raised raised, long alertId) {
		Alert alert = raised.alert();
		Map<String, String> details = new TreeMap<>(alert.evidence());
		details.put("alert_id", Long.toString(alertId));
		details.put("detector", alert.detector().key());
		details.put("score", String.format(java.util.Locale.ROOT, "%.2f", alert.score()));
		this.trail.record(new AuditEvent("anomaly.detected", Actor.system("anomaly-detector"), alert.clientId(),
				alert.response().key(), raised.traceId(), alert.at(), null, details));
	}

	private record Raised(Alert alert, String traceId) {
	}

}
