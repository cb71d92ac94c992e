package com.consentry.registry;

import java.time.Instant;
import java.util.List;

import org.springframework.util.Assert;

/**
 * A partner: a directory organisation with its software clients, its standing with the
 * bank and its policy.
 *
 * @param orgId the directory's {@code org_id}
 * @param orgName the organisation's name, from its latest software statement
 * @param status its status (every one of its clients has it)
 * @param software its software clients, oldest first
 * @param policy its policy (the bank's default where none was set)
 * @param registeredAt when its first client registered
 */
public record PartnerOrganisation(String orgId, String orgName, PartnerStatus status, List<PartnerSoftware> software,
		PartnerPolicy policy, Instant registeredAt) {

	public PartnerOrganisation {
		Assert.hasText(orgId, "orgId cannot be empty");
		Assert.hasText(orgName, "orgName cannot be empty");
		Assert.notNull(status, "status cannot be null");
		Assert.notNull(policy, "policy cannot be null");
		Assert.notNull(registeredAt, "registeredAt cannot be null");
		software = List.copyOf(software);
	}

}
