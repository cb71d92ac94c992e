package com.consentry.consent;

import java.util.Set;

import org.springframework.util.Assert;

/**
 * One entry of an FDX {@code ConsentGrant.resources}: a resource the customer chose, with
 * its clusters.
 */
public record GrantedResource(ResourceType resourceType, String resourceId, Set<DataCluster> dataClusters) {

	public GrantedResource {
		Assert.notNull(resourceType, "resourceType cannot be null");
		Assert.hasText(resourceId, "resourceId cannot be empty");
		Assert.notEmpty(dataClusters, "dataClusters cannot be empty");
		dataClusters = Set.copyOf(dataClusters);
	}

}
