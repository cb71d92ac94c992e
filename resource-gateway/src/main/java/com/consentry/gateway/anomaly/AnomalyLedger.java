package com.consentry.gateway.anomaly;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The detector's tables in schema {@code gateway}: hourly counts per partner and instance
 * (requests, denials, endpoint families, most accounts per consent), partners' DPoP keys,
 * alerts with their evidence, throttled partners and suspension requests. Every method
 * uses one connection at a time and none runs on a partner's request.
 */
final class AnomalyLedger {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Long>> ENDPOINT_COUNTS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String instanceId;

	AnomalyLedger(DataSource dataSource, TransactionTemplate transactions, String instanceId) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = transactions;
		this.instanceId = instanceId;
	}

	/** Writes this instance's counts (absolute, so a repeated write changes nothing). */
	void writeCounts(Map<String, Map<Instant, PartnerBehaviour.HourCount>> counts) {
		List<Object[]> rows = new ArrayList<>();
		counts
			.forEach((clientId,
					hours) -> hours.forEach((hour, count) -> rows.add(new Object[] { clientId, Timestamp.from(hour),
							this.instanceId, count.requests(), count.denials(),
							JSON.writeValueAsString(new TreeMap<>(count.endpoints())), count.consentAccounts() })));
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("""
					INSERT INTO gateway.partner_traffic_hour (client_id, hour_start, instance_id, requests, denials,
					    endpoints, consent_accounts)
					VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)
					ON CONFLICT (client_id, hour_start, instance_id)
					DO UPDATE SET requests = excluded.requests, denials = excluded.denials,
					    endpoints = excluded.endpoints, consent_accounts = excluded.consent_accounts""", rows);
		}
	}

	/**
	 * The other instances' counts since an hour, summed per partner and hour (the most
	 * accounts per consent: the largest of them).
	 */
	Map<String, Map<Instant, PartnerBehaviour.HourCount>> peerCounts(Instant since) {
		Map<String, Map<Instant, PartnerBehaviour.HourCount>> counts = new HashMap<>();
		this.jdbc.query("""
				SELECT client_id, hour_start, requests, denials, endpoints::text, consent_accounts
				FROM gateway.partner_traffic_hour WHERE hour_start >= ? AND instance_id <> ?""",
				(RowCallbackHandler) (rs) -> {
					PartnerBehaviour.HourCount count = new PartnerBehaviour.HourCount(rs.getLong(3), rs.getLong(4),
							JSON.readValue(rs.getString(5), ENDPOINT_COUNTS), rs.getInt(6));
					counts.computeIfAbsent(rs.getString(1), (c) -> new TreeMap<>())
						.merge(rs.getTimestamp(2).toInstant(), count, PartnerBehaviour.HourCount::plus);
				}, Timestamp.from(since), this.instanceId);
		return counts;
	}

	void forgetBefore(Instant before) {
		this.jdbc.update("DELETE FROM gateway.partner_traffic_hour WHERE hour_start < ?", Timestamp.from(before));
	}

	void writeKeys(Map<String, Set<String>> keys, Instant seen) {
		List<Object[]> rows = new ArrayList<>();
		keys.forEach((clientId, thumbprints) -> thumbprints
			.forEach((jkt) -> rows.add(new Object[] { clientId, jkt, Timestamp.from(seen) })));
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("""
					INSERT INTO gateway.partner_dpop_key (client_id, jkt, first_seen) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""", rows);
		}
	}

	Map<String, Set<String>> keys() {
		Map<String, Set<String>> keys = new HashMap<>();
		this.jdbc.query("SELECT client_id, jkt FROM gateway.partner_dpop_key",
				(RowCallbackHandler) (rs) -> keys.computeIfAbsent(rs.getString(1), (c) -> new HashSet<>())
					.add(rs.getString(2)));
		return keys;
	}

	/**
	 * Records an alert and, in the same transaction, what its response needs: the
	 * partner's throttle, the suspension request.
	 * @return the alert's id
	 */
	long record(Alert alert) {
		Long id = this.transactions.execute((status) -> {
			KeyHolder key = new GeneratedKeyHolder();
			this.jdbc.update((connection) -> {
				var statement = connection.prepareStatement("""
						INSERT INTO gateway.anomaly_alert (client_id, detector, raised_at, score, response, evidence,
						    instance_id)
						VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""", new String[] { "id" });
				statement.setString(1, alert.clientId());
				statement.setString(2, alert.detector().key());
				statement.setTimestamp(3, Timestamp.from(alert.at()));
				statement.setDouble(4, Double.isFinite(alert.score()) ? alert.score() : Double.MAX_VALUE);
				statement.setString(5, alert.response().key());
				statement.setString(6, JSON.writeValueAsString(new TreeMap<>(alert.evidence())));
				statement.setString(7, this.instanceId);
				return statement;
			}, key);
			long alertId = key.getKey().longValue();
			if (alert.response() != Response.ALERT) {
				this.jdbc.update("""
						INSERT INTO gateway.partner_throttle (client_id, alert_id, since) VALUES (?, ?, ?)
						ON CONFLICT (client_id) DO NOTHING""", alert.clientId(), alertId, Timestamp.from(alert.at()));
			}
			if (alert.response() == Response.SUSPEND) {
				this.jdbc.update("""
						INSERT INTO gateway.partner_suspension_request (alert_id, client_id, reason, requested_at)
						VALUES (?, ?, ?, ?)""", alertId, alert.clientId(), alert.summary(), Timestamp.from(alert.at()));
			}
			return alertId;
		});
		return (id != null) ? id : -1;
	}

	Set<String> throttled() {
		return new HashSet<>(this.jdbc.queryForList("SELECT client_id FROM gateway.partner_throttle", String.class));
	}

}
