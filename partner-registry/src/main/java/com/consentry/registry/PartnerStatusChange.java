package com.consentry.registry;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * One recorded change of a partner organisation's status.
 *
 * @param orgId the organisation
 * @param from its status before
 * @param to its status after
 * @param actor who acted, e.g. {@code admin:alice-admin}
 * @param reason why, as the actor gave it
 * @param at when
 */
public record PartnerStatusChange(String orgId, PartnerStatus from, PartnerStatus to, String actor, String reason,
		Instant at) {

	public PartnerStatusChange {
		Assert.hasText(orgId, "orgId cannot be empty");
		Assert.notNull(from, "from cannot be null");
		Assert.notNull(to, "to cannot be null");
		Assert.hasText(actor, "actor cannot be empty");
		Assert.hasText(reason, "reason cannot be empty");
		Assert.notNull(at, "at cannot be null");
	}

}
