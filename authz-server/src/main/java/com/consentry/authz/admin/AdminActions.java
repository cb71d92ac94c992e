package com.consentry.authz.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

/**
 * The record of what bank admins did ({@code authz.admin_action}): who, what, to which
 * target, why, with which outcome, when, and the console request it came from. Rows are
 * only ever added. Written in the caller's transaction when there is one, so an action
 * and its record commit together.
 */
@Service
public class AdminActions {

	private static final int MAX_TEXT = 2000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	public AdminActions(JdbcClient jdbc, Clock clock, AuditTrail audit) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(audit, "audit cannot be null");
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Records one action, here and in the audit trail (as {@code admin.<action>};
	 * appended when the caller's transaction commits, like this row).
	 */
	public void record(Action action) {
		Assert.notNull(action, "action cannot be null");
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Map<String, String> details = new HashMap<>();
		details.put("target_type", action.targetType());
		details.put("request_id", clip(action.correlationId(), 128));
		if (action.reason() != null) {
			details.put("reason", clip(action.reason(), 500));
		}
		if (action.detail() != null) {
			details.put("detail", clip(action.detail(), 500));
		}
		this.audit.record(AuditEvent
			.of("admin." + action.action().toLowerCase(Locale.ROOT), Actor.admin(action.actor()), action.targetId(),
					action.outcome().name().toLowerCase(Locale.ROOT).replace("succeeded", "success"))
			.at(at)
			.withDetails(details));
		this.jdbc
			.sql("INSERT INTO authz.admin_action (occurred_at, actor, action, target_type, target_id, reason, "
					+ "outcome, detail, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(Timestamp.from(at), action.actor(), action.action(), action.targetType(), action.targetId(),
					clip(action.reason()), action.outcome().name(), clip(action.detail()), action.correlationId())
			.update();
	}

	/** The latest actions on one target, newest first. */
	public List<RecordedAction> recentFor(String targetType, String targetId, int limit) {
		return this.jdbc
			.sql("SELECT occurred_at, actor, action, target_type, target_id, reason, outcome, detail, correlation_id "
					+ "FROM authz.admin_action WHERE target_type = ? AND target_id = ? "
					+ "ORDER BY occurred_at DESC, id DESC LIMIT ?")
			.params(targetType, targetId, limit)
			.query((rs, row) -> new RecordedAction(rs.getTimestamp("occurred_at").toInstant(),
					new Action(rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
							rs.getString("target_id"), rs.getString("reason"), Outcome.valueOf(rs.getString("outcome")),
							rs.getString("detail"), rs.getString("correlation_id"))))
			.list();
	}

	private static String clip(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

	private static @Nullable String clip(@Nullable String text) {
		return (text == null || text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT);
	}

	/** How an action ended. */
	public enum Outcome {

		/** Done. */
		SUCCEEDED,

		/** Not allowed (e.g. an illegal status change); nothing changed. */
		REFUSED,

		/** Failed on the way; nothing changed. */
		FAILED

	}

	/**
	 * One admin action.
	 *
	 * @param actor who acted, e.g. {@code admin:alice-admin}
	 * @param action what, e.g. {@code PARTNER_SUSPEND}
	 * @param targetType the kind of thing acted on, e.g. {@code PARTNER_ORG}
	 * @param targetId which one
	 * @param reason the reason the admin gave, if any
	 * @param outcome how it ended
	 * @param detail what it did or why it failed, if anything is worth saying
	 * @param correlationId the console request's id ({@code X-Request-Id})
	 */
	public record Action(String actor, String action, String targetType, String targetId, @Nullable String reason,
			Outcome outcome, @Nullable String detail, String correlationId) {

		public Action {
			Assert.hasText(actor, "actor cannot be empty");
			Assert.hasText(action, "action cannot be empty");
			Assert.hasText(targetType, "targetType cannot be empty");
			Assert.hasText(targetId, "targetId cannot be empty");
			Assert.notNull(outcome, "outcome cannot be null");
			Assert.hasText(correlationId, "correlationId cannot be empty");
		}

	}

	/**
	 * An action as recorded.
	 *
	 * @param at when
	 * @param action what was recorded
	 */
	public record RecordedAction(Instant at, Action action) {
	}

}
