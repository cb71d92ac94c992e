package com.consentry.registry;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * Published after a change of a partner organisation's policy committed.
 *
 * @param orgId the organisation
 * @param policy its policy from now on
 * @param actor who changed it
 * @param reason why
 * @param at when
 */
public record PartnerPolicyChanged(String orgId, PartnerPolicy policy, String actor, String reason, Instant at) {

	public PartnerPolicyChanged {
		Assert.hasText(orgId, "orgId cannot be empty");
		Assert.notNull(policy, "policy cannot be null");
		Assert.hasText(actor, "actor cannot be empty");
		Assert.hasText(reason, "reason cannot be empty");
		Assert.notNull(at, "at cannot be null");
	}

}
