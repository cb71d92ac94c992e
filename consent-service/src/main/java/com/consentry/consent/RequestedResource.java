package com.consentry.consent;

import java.util.Set;

import org.springframework.util.Assert;

/**
 * One entry of an FDX {@code consentRequest.resources}: a kind of resource and the
 * clusters asked for. It names no resource: the customer picks the accounts on the
 * consent page.
 */
public record RequestedResource(ResourceType resourceType, Set<DataCluster> dataClusters) {

	public RequestedResource {
		Assert.notNull(resourceType, "resourceType cannot be null");
		Assert.notEmpty(dataClusters, "dataClusters cannot be empty");
		dataClusters = Set.copyOf(dataClusters);
	}

}
