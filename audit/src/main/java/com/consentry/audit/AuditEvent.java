package com.consentry.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One security-relevant event: what happened ({@code type}, such as
 * {@code consent.revoked}), who did it, to what, with which outcome, when, and the
 * request's correlation id (the W3C trace id).
 * <p>
 * Details are short strings under plain names. A detail whose name speaks of a secret
 * (token, proof, password, secret, assertion, credential, account number) is refused: the
 * log and the SIEM see identifiers, never credentials.
 *
 * @param type what happened, {@code area.action} in lower case
 * @param actor who did it
 * @param subject what it was done to (a client id, a consent id, a path), when any
 * @param outcome {@code success}, {@code failure}, {@code denied}, or a reason
 * @param correlationId the W3C trace id of the request (32 lower-case hex digits)
 * @param time when it happened (microseconds, as PostgreSQL keeps it)
 * @param consentId the consent it concerns, when any (the customer's page reads by it)
 * @param details further facts, sorted by name
 */
public record AuditEvent(String type, Actor actor, @Nullable String subject, String outcome, String correlationId,
		Instant time, @Nullable String consentId, Map<String, String> details) {

	private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

	private static final Pattern SECRET_NAME = Pattern
		.compile(".*(token|proof|password|secret|assertion|credential|accountnumber|account_number|dpop).*");

	private static final int MAX_VALUE_LENGTH = 512;

	public AuditEvent {
		Assert.isTrue(type != null && TYPE.matcher(type).matches(), () -> "type must be area.action: " + type);
		Assert.notNull(actor, "actor cannot be null");
		Assert.hasText(outcome, "outcome cannot be empty");
		Assert.isTrue(Correlation.isTraceId(correlationId), "correlationId must be a W3C trace id");
		Assert.notNull(time, "time cannot be null");
		Assert.notNull(details, "details cannot be null");
		for (Map.Entry<String, String> detail : details.entrySet()) {
			String name = detail.getKey().toLowerCase(Locale.ROOT);
			Assert.isTrue(!SECRET_NAME.matcher(name).matches(),
					() -> "audit details never carry secrets: " + detail.getKey());
			Assert.notNull(detail.getValue(), () -> "detail " + detail.getKey() + " cannot be null");
			Assert.isTrue(detail.getValue().length() <= MAX_VALUE_LENGTH,
					() -> "detail " + detail.getKey() + " is longer than " + MAX_VALUE_LENGTH);
		}
		time = time.truncatedTo(ChronoUnit.MICROS);
		details = Map.copyOf(new TreeMap<>(details));
	}

	/**
	 * An event happening now, in the current request's trace (or a new one).
	 * @param type what happened
	 * @param actor who did it
	 * @param subject what it was done to
	 * @param outcome how it ended
	 * @return the event, without consent or details
	 */
	public static AuditEvent of(String type, Actor actor, @Nullable String subject, String outcome) {
		return new AuditEvent(type, actor, subject, outcome, Correlation.currentTraceId(), Instant.now(), null,
				Map.of());
	}

	public AuditEvent withConsent(@Nullable String consentId) {
		return new AuditEvent(this.type, this.actor, this.subject, this.outcome, this.correlationId, this.time,
				consentId, this.details);
	}

	public AuditEvent withDetails(Map<String, String> details) {
		return new AuditEvent(this.type, this.actor, this.subject, this.outcome, this.correlationId, this.time,
				this.consentId, details);
	}

	public AuditEvent at(Instant time) {
		return new AuditEvent(this.type, this.actor, this.subject, this.outcome, this.correlationId, time,
				this.consentId, this.details);
	}

	public AuditEvent inTrace(String correlationId) {
		return new AuditEvent(this.type, this.actor, this.subject, this.outcome, correlationId, this.time,
				this.consentId, this.details);
	}

}
