package com.consentry.registry;

import org.springframework.util.Assert;

/**
 * A partner's client was registered (RFC 7591) or its registration updated (RFC 7592
 * §2.2), published after the commit, for the audit trail. Deletion is
 * {@link PartnerDeleted}.
 *
 * @param clientId the client
 * @param orgId its organisation
 * @param update whether it was an update of an existing registration
 */
public record PartnerRegistered(String clientId, String orgId, boolean update) {

	public PartnerRegistered {
		Assert.hasText(clientId, "clientId cannot be empty");
		Assert.hasText(orgId, "orgId cannot be empty");
	}

}
