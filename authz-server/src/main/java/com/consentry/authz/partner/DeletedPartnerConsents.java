package com.consentry.authz.partner;

import com.consentry.consent.Consents;
import com.consentry.registry.PartnerDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Revokes the consents of a partner whose registration was deleted (RFC 7592 §2.3:
 * deleting a client invalidates what was granted to it). A plain, synchronous listener on
 * purpose: {@link PartnerDeleted} is published inside the deletion's transaction, so the
 * revocation commits with the deletion, and a failure here undoes the deletion rather
 * than leaving consents ACTIVE for a partner that is gone.
 *
 * @see Consents#revokeAllOfDeletedPartner(String)
 */
@Component
final class DeletedPartnerConsents {

	private static final Logger logger = LoggerFactory.getLogger(DeletedPartnerConsents.class);

	private final Consents consents;

	DeletedPartnerConsents(Consents consents) {
		Assert.notNull(consents, "consents cannot be null");
		this.consents = consents;
	}

	@EventListener
	void revokeConsents(PartnerDeleted deleted) {
		int revoked = this.consents.revokeAllOfDeletedPartner(deleted.clientId());
		logger.info("Revoked {} consent(s) of deleted client {}", revoked, deleted.clientId());
	}

}
