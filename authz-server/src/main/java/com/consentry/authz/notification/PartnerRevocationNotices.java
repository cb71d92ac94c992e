package com.consentry.authz.notification;

import java.time.Clock;

import com.consentry.consent.ConsentRevoked;
import com.consentry.registry.FapiClientSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Owes the partner an event for every revocation it did not make itself: by the customer
 * on the bank's page (CFPB 1033.331(e): the provider that offers revocation must notify
 * the third party), by the bank, by the registry. A plain, synchronous listener on
 * purpose: {@link ConsentRevoked} is published inside the revoking transaction, so the
 * outbox row commits with the revocation or not at all (never an event for a revocation
 * that rolled back, never a revocation without its event).
 * <p>
 * Nothing is owed when the partner revoked through the consent API (it knows), when it
 * registered no {@code notification_uri}, or when its registration is gone: a deleted
 * partner has no endpoint left, and the deletion (RFC 7592 §2.3) was its own request.
 *
 * @see ConsentEventSender
 */
@Component
final class PartnerRevocationNotices {

	private static final Logger logger = LoggerFactory.getLogger(PartnerRevocationNotices.class);

	private final RegisteredClientRepository clients;

	private final ConsentEventOutbox outbox;

	private final Clock clock;

	PartnerRevocationNotices(RegisteredClientRepository clients, ConsentEventOutbox outbox, Clock clock) {
		Assert.notNull(clients, "clients cannot be null");
		Assert.notNull(outbox, "outbox cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.clients = clients;
		this.outbox = outbox;
		this.clock = clock;
	}

	@EventListener
	void owePartnerAnEvent(ConsentRevoked revoked) {
		if (revoked.channel().isPartner()) {
			return;
		}
		RegisteredClient client = this.clients.findByClientId(revoked.clientId());
		if (client == null) {
			return;
		}
		FapiClientSettings.notificationUri(client).ifPresent((uri) -> {
			this.outbox.add(revoked, uri, this.clock.instant());
			logger.debug("Owe client {} an event: consent revoked through {}", revoked.clientId(), revoked.channel());
		});
	}

}
