package com.consentry.authz.notification;

import java.time.Instant;
import java.util.UUID;

import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.PartyType;
import org.springframework.util.Assert;

/**
 * A revocation the partner is told of: the event's content, its target, and how many
 * attempts were made so far.
 *
 * @param eventId the event's id, the JWS {@code jti}: the same on every attempt
 * @param clientId the partner, the JWS {@code aud}
 * @param notificationUri where the event is POSTed
 * @param consentId the revoked consent
 * @param reason why it was revoked
 * @param initiator who revoked it
 * @param revokedAt when
 * @param attempts attempts made, including the one under way
 */
record ConsentEvent(UUID eventId, String clientId, String notificationUri, ConsentId consentId,
		ConsentUpdateReason reason, PartyType initiator, Instant revokedAt, int attempts) {

	ConsentEvent {
		Assert.notNull(eventId, "eventId cannot be null");
		Assert.hasText(clientId, "clientId cannot be empty");
		Assert.hasText(notificationUri, "notificationUri cannot be empty");
		Assert.notNull(consentId, "consentId cannot be null");
		Assert.notNull(reason, "reason cannot be null");
		Assert.notNull(initiator, "initiator cannot be null");
		Assert.notNull(revokedAt, "revokedAt cannot be null");
	}

}
