package com.consentry.audit;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * A record as the chain hashes it: the event, its place ({@code seq}, from 1) and the
 * previous record's hash ({@link #GENESIS} before the first).
 * <p>
 * Its hash is SHA-256 (lower-case hex) over the canonical encoding
 * ({@link CanonicalJson}) of
 * {@code {actor, actorKind, consentId, correlationId, details, outcome, prev, seq,
 * subject, time, type}}, {@code time} as ISO-8601 UTC with at most microseconds.
 */
record ChainRecord(long seq, AuditEvent event, String prevHash) {

	static final String GENESIS = "0".repeat(64);

	static String detailsJson(Map<String, String> details) {
		return CanonicalJson.encode(details);
	}

	String canonical() {
		Map<String, Object> fields = new HashMap<>();
		fields.put("seq", this.seq);
		fields.put("prev", this.prevHash);
		fields.put("time", DateTimeFormatter.ISO_INSTANT.format(this.event.time()));
		fields.put("type", this.event.type());
		fields.put("actorKind", this.event.actor().kind().name());
		fields.put("actor", this.event.actor().id());
		fields.put("subject", this.event.subject());
		fields.put("outcome", this.event.outcome());
		fields.put("correlationId", this.event.correlationId());
		fields.put("consentId", this.event.consentId());
		fields.put("details", new CanonicalJson.Raw(CanonicalJson.encode(this.event.details())));
		return CanonicalJson.encode(fields);
	}

	String hash() {
		return CanonicalJson.sha256(canonical());
	}

}
