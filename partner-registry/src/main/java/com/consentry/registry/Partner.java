package com.consentry.registry;

import org.springframework.util.Assert;

/**
 * A registered partner: one OAuth client of one directory organisation, and its standing
 * with the bank.
 *
 * @param clientId the OAuth {@code client_id} issued at registration
 * @param orgId the directory's organisation id ({@code org_id} of the software statement)
 * @param orgName the organisation's name ({@code org_name} of the software statement)
 * @param clientName the client's display name ({@code client_name})
 * @param status the partner's standing
 */
public record Partner(String clientId, String orgId, String orgName, String clientName, PartnerStatus status) {

	public Partner {
		Assert.hasText(clientId, "clientId cannot be empty");
		Assert.hasText(orgId, "orgId cannot be empty");
		Assert.hasText(orgName, "orgName cannot be empty");
		Assert.hasText(clientName, "clientName cannot be empty");
		Assert.notNull(status, "status cannot be null");
	}

	public boolean isActive() {
		return this.status == PartnerStatus.ACTIVE;
	}

}
