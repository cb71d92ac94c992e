package com.consentry.consent;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * How a consent was revoked (FDX {@code ConsentRevocation}): status REVOKED, the reason,
 * who did it, and when.
 *
 * @param reason why
 * @param initiator who
 * @param updatedTime when
 */
public record ConsentRevocation(ConsentUpdateReason reason, PartyType initiator, Instant updatedTime) {

	public ConsentRevocation {
		Assert.notNull(reason, "reason cannot be null");
		Assert.notNull(initiator, "initiator cannot be null");
		Assert.notNull(updatedTime, "updatedTime cannot be null");
	}

	/** Always {@link ConsentStatus#REVOKED}. */
	public ConsentStatus status() {
		return ConsentStatus.REVOKED;
	}

}
