package com.consentry.consent;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A consent was revoked. Published inside the revoking transaction, so that listeners
 * that end what was issued under the consent (tokens, sessions) commit or fail together
 * with the revocation.
 *
 * @param consentId the consent
 * @param clientId the partner it was granted to
 * @param customerId the customer who granted it; {@code null} when it was revoked before
 * any customer answered
 * @param revocation who, why and when
 * @param channel where the revocation came in (the partner's API, the customer's page,
 * the bank, the registry)
 */
public record ConsentRevoked(ConsentId consentId, String clientId, @Nullable String customerId,
		ConsentRevocation revocation, RevocationChannel channel) {

	public ConsentRevoked {
		Assert.notNull(consentId, "consentId cannot be null");
		Assert.hasText(clientId, "clientId cannot be empty");
		Assert.notNull(revocation, "revocation cannot be null");
		Assert.notNull(channel, "channel cannot be null");
	}

}
