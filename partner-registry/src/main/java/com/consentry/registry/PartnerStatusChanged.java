package com.consentry.registry;

import org.springframework.util.Assert;

/**
 * Published after a partner's status change committed (approval, suspension,
 * reactivation, revocation), for the console and the audit record.
 *
 * @param change what changed
 */
public record PartnerStatusChanged(PartnerStatusChange change) {

	public PartnerStatusChanged {
		Assert.notNull(change, "change cannot be null");
	}

}
