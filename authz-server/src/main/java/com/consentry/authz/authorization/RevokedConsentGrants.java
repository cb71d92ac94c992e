package com.consentry.authz.authorization;

import com.consentry.consent.ConsentRevoked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Ends every grant under a consent the moment the consent is revoked, whoever revoked it
 * (customer, partner, bank, registry). A plain, synchronous listener on purpose:
 * {@link ConsentRevoked} is published inside the revoking transaction, so the grants are
 * marked revoked in that same transaction, never left usable after the revocation
 * committed. Refresh and introspection also check the consent itself; this makes the
 * grants themselves say so (FDX Security Model: immediate token revocation).
 *
 * @see AuthorizationStore#revokeAllOfConsent(String, java.time.Instant)
 */
@Component
final class RevokedConsentGrants {

	private static final Logger logger = LoggerFactory.getLogger(RevokedConsentGrants.class);

	private final AuthorizationStore authorizations;

	RevokedConsentGrants(AuthorizationStore authorizations) {
		Assert.notNull(authorizations, "authorizations cannot be null");
		this.authorizations = authorizations;
	}

	@EventListener
	void revokeGrants(ConsentRevoked revoked) {
		int count = this.authorizations.revokeAllOfConsent(revoked.consentId().value(),
				revoked.revocation().updatedTime());
		logger.debug("Revoked {} authorization(s) under a consent revoked by {}", count,
				revoked.revocation().initiator());
	}

}
