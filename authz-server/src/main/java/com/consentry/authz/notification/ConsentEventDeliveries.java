package com.consentry.authz.notification;

import java.util.List;

import com.consentry.consent.ConsentId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

/**
 * What became of the consent events owed to partners, for bank admins (the admin
 * console's partner page): per consent, or per partner and state, newest first. Holds no
 * customer data; errors are status codes or error classes, never partners' answers.
 */
@Service
public class ConsentEventDeliveries {

	/** The most rows one query returns. */
	public static final int MAX_ROWS = 500;

	private final ConsentEventOutbox outbox;

	ConsentEventDeliveries(ConsentEventOutbox outbox) {
		Assert.notNull(outbox, "outbox cannot be null");
		this.outbox = outbox;
	}

	/** Every event owed for this consent, oldest first. */
	public List<ConsentEventDelivery> ofConsent(ConsentId consentId) {
		Assert.notNull(consentId, "consentId cannot be null");
		return this.outbox.findByConsent(consentId);
	}

	/**
	 * The partner's events, newest first, at most {@code limit} (capped at
	 * {@link #MAX_ROWS}).
	 * @param state only events in this state; all when {@code null}
	 */
	public List<ConsentEventDelivery> ofPartner(String clientId, @Nullable DeliveryState state, int limit) {
		Assert.hasText(clientId, "clientId cannot be empty");
		Assert.isTrue(limit > 0, "limit must be positive");
		return this.outbox.findByClient(clientId, state, Math.min(limit, MAX_ROWS));
	}

}
