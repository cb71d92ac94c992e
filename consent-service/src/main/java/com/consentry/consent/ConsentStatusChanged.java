package com.consentry.consent;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A consent entered a status other than REVOKED (which {@link ConsentRevoked} announces):
 * requested at PAR (AWAITING_AUTHORIZATION), approved (ACTIVE), denied, suspended,
 * resumed or expired. Published inside the changing transaction, for the audit trail.
 *
 * @param consentId the consent
 * @param clientId the partner it was requested by
 * @param customerId the customer, once one answered
 * @param from the status it left ({@code null} when it was just requested)
 * @param status the status it entered
 * @param at when
 */
public record ConsentStatusChanged(ConsentId consentId, String clientId, @Nullable String customerId,
		@Nullable ConsentStatus from, ConsentStatus status, Instant at) {

	public ConsentStatusChanged {
		Assert.notNull(consentId, "consentId cannot be null");
		Assert.hasText(clientId, "clientId cannot be empty");
		Assert.notNull(status, "status cannot be null");
		Assert.notNull(at, "at cannot be null");
	}

}
