package com.consentry.authz.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentRevoked;
import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.PartyType;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The transactional outbox of consent events ({@code authz.consent_event_outbox}).
 * Contract: {@link #add} joins the caller's transaction (the revocation's), so an event
 * exists exactly when the revocation committed; {@link #claimNextDue} is one statement of
 * its own that takes a due event with {@code FOR UPDATE SKIP LOCKED} and leases it (its
 * next attempt is pushed past the attempt's worst case), so no two instances send it at
 * once and none waits for another; the outcome is then recorded by one more statement. No
 * connection is held between the claim and the outcome, while the partner is called.
 */
@Component
class ConsentEventOutbox {

	private static final String COLUMNS = "event_id, client_id, consent_id, notification_uri, state, attempts, "
			+ "next_attempt_at, last_attempt_at, last_error, created_at, delivered_at";

	private static final int MAX_ERROR_LENGTH = 200;

	private final JdbcClient jdbc;

	ConsentEventOutbox(JdbcClient jdbc) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		this.jdbc = jdbc;
	}

	/** Writes a pending event, due at once, in the caller's transaction. */
	void add(ConsentRevoked revoked, String notificationUri, Instant now) {
		this.jdbc
			.sql("INSERT INTO authz.consent_event_outbox (event_id, client_id, notification_uri, consent_id, reason, "
					+ "initiator, revoked_at, state, attempts, next_attempt_at, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
			.params(UUID.randomUUID(), revoked.clientId(), notificationUri, revoked.consentId().value(),
					revoked.revocation().reason().name(), revoked.revocation().initiator().name(),
					Timestamp.from(revoked.revocation().updatedTime()), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/**
	 * Claims the pending event due longest, counting the attempt now begun and leasing it
	 * until {@code leaseUntil}; empty when none is due (or every due one is being claimed
	 * by another instance).
	 */
	Optional<ConsentEvent> claimNextDue(Instant now, Instant leaseUntil) {
		return this.jdbc
			.sql("UPDATE authz.consent_event_outbox SET attempts = attempts + 1, last_attempt_at = :now, "
					+ "next_attempt_at = :leaseUntil WHERE event_id = (SELECT event_id FROM authz.consent_event_outbox "
					+ "WHERE state = 'PENDING' AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT 1 "
					+ "FOR UPDATE SKIP LOCKED) RETURNING event_id, client_id, notification_uri, consent_id, reason, "
					+ "initiator, revoked_at, attempts")
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.query((rs, row) -> new ConsentEvent(rs.getObject("event_id", UUID.class), rs.getString("client_id"),
					rs.getString("notification_uri"), new ConsentId(rs.getString("consent_id")),
					ConsentUpdateReason.valueOf(rs.getString("reason")), PartyType.valueOf(rs.getString("initiator")),
					rs.getTimestamp("revoked_at").toInstant(), rs.getInt("attempts")))
			.optional();
	}

	/** The partner accepted the event. */
	void delivered(UUID eventId, Instant now) {
		this.jdbc
			.sql("UPDATE authz.consent_event_outbox SET state = 'DELIVERED', delivered_at = ?, last_error = NULL "
					+ "WHERE event_id = ? AND state = 'PENDING'")
			.params(Timestamp.from(now), eventId)
			.update();
	}

	/**
	 * The attempt failed: the event is due again at {@code nextAttemptAt}, or given up
	 * (FAILED) when that is {@code null}.
	 */
	void attemptFailed(UUID eventId, String error, @Nullable Instant nextAttemptAt) {
		String shortError = (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
		if (nextAttemptAt == null) {
			this.jdbc
				.sql("UPDATE authz.consent_event_outbox SET state = 'FAILED', last_error = ? "
						+ "WHERE event_id = ? AND state = 'PENDING'")
				.params(shortError, eventId)
				.update();
			return;
		}
		this.jdbc
			.sql("UPDATE authz.consent_event_outbox SET next_attempt_at = ?, last_error = ? "
					+ "WHERE event_id = ? AND state = 'PENDING'")
			.params(Timestamp.from(nextAttemptAt), shortError, eventId)
			.update();
	}

	List<ConsentEventDelivery> findByConsent(ConsentId consentId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM authz.consent_event_outbox WHERE consent_id = ? ORDER BY created_at")
			.param(consentId.value())
			.query((rs, row) -> delivery(rs))
			.list();
	}

	List<ConsentEventDelivery> findByClient(String clientId, @Nullable DeliveryState state, int limit) {
		String stateFilter = (state != null) ? "AND state = :state " : "";
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM authz.consent_event_outbox WHERE client_id = :clientId " + stateFilter
					+ "ORDER BY created_at DESC LIMIT :limit")
			.param("clientId", clientId)
			.param("state", (state != null) ? state.name() : "")
			.param("limit", limit)
			.query((rs, row) -> delivery(rs))
			.list();
	}

	private static ConsentEventDelivery delivery(ResultSet rs) throws SQLException {
		return new ConsentEventDelivery(rs.getObject("event_id", UUID.class), rs.getString("client_id"),
				rs.getString("consent_id"), rs.getString("notification_uri"),
				DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				nullableInstant(rs, "last_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
				nullableInstant(rs, "delivered_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
