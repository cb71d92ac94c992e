package com.consentry.authz.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The delivery state of one consent event, as an admin sees it: no customer data, and the
 * last error as a status code or error class only.
 *
 * @param eventId the event's id (the JWS {@code jti} the partner received)
 * @param clientId the partner
 * @param consentId the revoked consent
 * @param notificationUri where it is sent
 * @param state pending, delivered or failed
 * @param attempts attempts made
 * @param nextAttemptAt when the next attempt is due (meaningful while pending)
 * @param lastAttemptAt when the last attempt was made; {@code null} before the first
 * @param lastError why the last attempt failed; {@code null} when it did not
 * @param createdAt when the revocation wrote the event
 * @param deliveredAt when the partner accepted it; {@code null} until then
 */
public record ConsentEventDelivery(UUID eventId, String clientId, String consentId, String notificationUri,
		DeliveryState state, int attempts, Instant nextAttemptAt, @Nullable Instant lastAttemptAt,
		@Nullable String lastError, Instant createdAt, @Nullable Instant deliveredAt) {
}
