package com.consentry.authz.notification;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Sends due consent events, on every instance: claims one at a time from the outbox (each
 * claim its own short statement, so no connection is held while a partner is called),
 * signs it, POSTs it, and records the outcome. A 2xx answer delivers it; any other
 * answer, a refused address, a timeout or a connection error is a failed attempt, retried
 * after an exponential back-off until {@link NotificationProperties#maxAttempts()}
 * attempts were made, then given up (FAILED). Delivery is at least once: an instance that
 * dies mid-attempt leaves the event to be claimed again when its lease ends, with the
 * same {@code jti}.
 *
 * @see ConsentEventOutbox
 */
@Component
final class ConsentEventSender {

	private static final Logger logger = LoggerFactory.getLogger(ConsentEventSender.class);

	private final ConsentEventOutbox outbox;

	private final ConsentEventSigner signer;

	private final PartnerEndpoints endpoints;

	private final NotificationProperties properties;

	private final Clock clock;

	ConsentEventSender(ConsentEventOutbox outbox, ConsentEventSigner signer, PartnerEndpoints endpoints,
			NotificationProperties properties, Clock clock) {
		Assert.notNull(outbox, "outbox cannot be null");
		Assert.notNull(signer, "signer cannot be null");
		Assert.notNull(endpoints, "endpoints cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.outbox = outbox;
		this.signer = signer;
		this.endpoints = endpoints;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${consentry.notification.interval:5s}",
			initialDelayString = "${consentry.notification.interval:5s}")
	void sendDue() {
		for (int sent = 0; sent < this.properties.batchSize(); sent++) {
			Instant now = this.clock.instant();
			Optional<ConsentEvent> claimed = this.outbox.claimNextDue(now, now.plus(this.properties.lease()));
			if (claimed.isEmpty()) {
				return;
			}
			attempt(claimed.get());
		}
	}

	private void attempt(ConsentEvent event) {
		String failure;
		try {
			int status = this.endpoints.post(event.notificationUri(), this.signer.sign(event));
			if (status >= 200 && status < 300) {
				this.outbox.delivered(event.eventId(), this.clock.instant());
				logger.debug("Delivered consent event {} to client {}", event.eventId(), event.clientId());
				return;
			}
			failure = "HTTP " + status;
		}
		catch (IOException ex) {
			failure = ex.getClass().getSimpleName();
		}
		Instant now = this.clock.instant();
		Instant next = (event.attempts() < this.properties.maxAttempts())
				? now.plus(this.properties.backoffAfter(event.attempts())) : null;
		this.outbox.attemptFailed(event.eventId(), failure, next);
		if (next == null) {
			logger.warn("Gave up consent event {} to client {} after {} attempts ({})", event.eventId(),
					event.clientId(), event.attempts(), failure);
		}
		else {
			logger.info("Consent event {} to client {} failed attempt {} ({}); next at {}", event.eventId(),
					event.clientId(), event.attempts(), failure, next);
		}
	}

}
