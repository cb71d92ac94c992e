package com.consentry.gateway.anomaly;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.consentry.audit.AuditTrail;
import com.consentry.gateway.observability.AccessRecord;
import com.consentry.notifications.ChannelListener;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response path on a real PostgreSQL with the gateway's and the audit trail's
 * migrations: two gateway instances (two pools, two watches) share counts, alerts,
 * throttles and suspension requests through the tables.
 */
class AnomalyWatchTests {

	private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

	private static EmbeddedPostgres postgres;

	private static HikariDataSource one;

	private static HikariDataSource two;

	private final SimulatedClock clock = new SimulatedClock(START);

	private AuditTrail trail;

	private AnomalyWatch first;

	private AnomalyWatch second;

	private JdbcTemplate jdbc;

	@BeforeAll
	static void database() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		one = pool();
		two = pool();
		Flyway.configure()
			.dataSource(one)
			.locations("filesystem:../db/migrations/audit")
			.defaultSchema("public")
			.table("audit_history")
			.load()
			.migrate();
		Flyway.configure()
			.dataSource(one)
			.locations("filesystem:../db/migrations/gateway")
			.schemas("gateway")
			.defaultSchema("gateway")
			.load()
			.migrate();
	}

	@AfterAll
	static void stop() throws IOException {
		one.close();
		two.close();
		postgres.close();
	}

	private static HikariDataSource pool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		pool.setMaximumPoolSize(2);
		return pool;
	}

	@BeforeEach
	void instances() {
		this.jdbc = new JdbcTemplate(one);
		this.jdbc.execute("TRUNCATE gateway.partner_suspension_request, gateway.partner_throttle, "
				+ "gateway.anomaly_alert, gateway.partner_traffic_hour, gateway.partner_dpop_key");
		this.trail = new AuditTrail(one, Duration.ofMillis(20), 1000);
		this.first = new AnomalyWatch(AnomalyProperties.defaults(), one, this.trail, this.clock);
		this.second = new AnomalyWatch(AnomalyProperties.defaults(), two, this.trail, this.clock);
	}

	@AfterEach
	void closeTrail() {
		this.trail.close();
	}

	private static AccessRecord refused(Instant at, String clientId, String consentId, String accountId) {
		return new AccessRecord(at, "ix", "ACCOUNT", clientId, "cp_1", consentId, accountId, Set.of(), 404,
				PartnerBehaviour.NOT_CONSENTED, Duration.ZERO, "jkt-" + clientId);
	}

	private void enumerate(AnomalyWatch watch, String clientId, String consentId) {
		for (int i = 0; i < 10; i++) {
			watch.accessed(refused(this.clock.instant(), clientId, consentId, "acct-" + i));
		}
	}

	@Test
	@DisplayName("An enumeration throttles the partner at once here, on the other instance after its refresh, and an admin's clearing ends it; alert, evidence and audit record are written")
	void accessedWhenEnumerationThenThrottledEverywhereUntilCleared() {
		enumerate(this.first, "prober", "consent-1");
		assertThat(this.first.throttled("prober")).isTrue();
		assertThat(this.second.throttled("prober")).isFalse();
		this.first.refresh();
		this.second.refresh();
		assertThat(this.second.throttled("prober")).isTrue();
		assertThat(this.jdbc.queryForMap(
				"SELECT detector, response, evidence ->> 'consent' AS consent, evidence ->> 'refused_accounts' AS refused FROM gateway.anomaly_alert"))
			.containsEntry("detector", "enumeration")
			.containsEntry("response", "throttle")
			.containsEntry("consent", "consent-1")
			.containsEntry("refused", "10");
		this.trail.flush();
		assertThat(this.jdbc.queryForMap(
				"SELECT actor, subject, outcome FROM audit.event WHERE type = 'anomaly.detected' ORDER BY seq DESC LIMIT 1"))
			.containsEntry("actor", "anomaly-detector")
			.containsEntry("subject", "prober")
			.containsEntry("outcome", "throttle");
		this.jdbc.update("DELETE FROM gateway.partner_throttle WHERE client_id = 'prober'");
		this.first.refresh();
		this.second.refresh();
		assertThat(this.first.throttled("prober")).isFalse();
		assertThat(this.second.throttled("prober")).isFalse();
	}

	@Test
	@DisplayName("A third alert within a day asks for the partner's suspension, with the evidence as the reason")
	void accessedWhenThirdAlertThenSuspensionRequested() {
		for (int consent = 0; consent < 3; consent++) {
			enumerate(this.first, "prober", "consent-" + consent);
		}
		this.first.refresh();
		List<String> responses = this.jdbc.queryForList("SELECT response FROM gateway.anomaly_alert ORDER BY id",
				String.class);
		assertThat(responses).containsExactly("throttle", "throttle", "suspend");
		assertThat(
				this.jdbc.queryForMap("SELECT client_id, reason, decided_at FROM gateway.partner_suspension_request"))
			.containsEntry("client_id", "prober")
			.containsEntry("decided_at", null)
			.hasEntrySatisfying("reason", (reason) -> assertThat((String) reason).startsWith("enumeration by prober")
				.contains("consent=consent-2"));
	}

	@Test
	@DisplayName("Counts written by one instance are the other's baseline: after three weeks seen only by the first, a spike on the second is flagged")
	void flushWhenPeerCountedHistoryThenSpikeScoredOnOtherInstance() {
		GeneratedTraffic aggregator = new GeneratedTraffic(21, "aggregator", 800, 0.5, false);
		for (int hour = 0; hour < 3 * 7 * 24; hour++) {
			Instant start = START.plus(Duration.ofHours(hour));
			for (AccessRecord record : aggregator.hour(start)) {
				this.first.accessed(record);
			}
			this.clock.set(start.plus(Duration.ofMinutes(59)));
			this.first.flush();
		}
		Instant spikeHour = START.plus(Duration.ofDays(23)).plus(Duration.ofHours(14));
		this.clock.set(spikeHour);
		this.second.flush();
		for (AccessRecord record : aggregator.hour(spikeHour, 3.0)) {
			this.second.accessed(record);
		}
		this.second.refresh();
		assertThat(this.jdbc.queryForList("SELECT detector FROM gateway.anomaly_alert", String.class))
			.containsExactly("volume_spike");
	}

	@Test
	@DisplayName("Issue 11 (5): a throttle cleared in the database ends on every instance when partner_throttle_changed is heard, before any refresh")
	void throttleChangedWhenRowDeletedThenEndsWithoutRefresh() throws InterruptedException {
		ChannelListener listener = new ThrottleChanges().throttleChangeListener(two, this.second);
		listener.start();
		try {
			enumerate(this.first, "prober", "consent-1");
			this.first.refresh();
			awaitThrottled(this.second, "prober", true);
			this.jdbc.update("DELETE FROM gateway.partner_throttle WHERE client_id = 'prober'");
			awaitThrottled(this.second, "prober", false);
		}
		finally {
			listener.stop();
		}
	}

	@Test
	@DisplayName("Issue 11 (5): each instance's endpoint families and most accounts per consent reach the others: families summed, accounts the larger")
	void peerCountsWhenTwoInstancesWroteThenMixSummedAndAccountsMaxed() {
		Instant hour = START;
		AnomalyLedger one = ledger(AnomalyWatchTests.one, "gw-1");
		AnomalyLedger other = ledger(two, "gw-2");
		one.writeCounts(Map.of("aggregator", Map.of(hour,
				new PartnerBehaviour.HourCount(30, 1, Map.of("transactions", 20L, "payment_networks", 10L), 3))));
		other.writeCounts(Map.of("aggregator",
				Map.of(hour, new PartnerBehaviour.HourCount(12, 0, Map.of("transactions", 12L), 7))));
		AnomalyLedger third = ledger(two, "gw-3");
		assertThat(third.peerCounts(hour)).containsEntry("aggregator", Map.of(hour,
				new PartnerBehaviour.HourCount(42, 1, Map.of("transactions", 32L, "payment_networks", 10L), 7)));
	}

	private static AnomalyLedger ledger(HikariDataSource pool, String instanceId) {
		return new AnomalyLedger(pool, new TransactionTemplate(new DataSourceTransactionManager(pool)), instanceId);
	}

	private static void awaitThrottled(AnomalyWatch watch, String clientId, boolean throttled)
			throws InterruptedException {
		// the listener's own pace; bounded so that a lost notification fails the test
		for (int attempt = 0; attempt < 100 && watch.throttled(clientId) != throttled; attempt++) {
			Thread.sleep(50);
		}
		assertThat(watch.throttled(clientId)).isEqualTo(throttled);
	}

	/** The gateway's clock, moved by the test. */
	static final class SimulatedClock extends Clock {

		private volatile Instant now;

		SimulatedClock(Instant now) {
			this.now = now;
		}

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException("UTC only");
		}

	}

}
