package com.consentry.consent;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A validated FDX {@code consentRequest}, as carried in an {@code fdx_v1.0} authorization
 * detail.
 *
 * @param durationType how long the consent lasts
 * @param durationPeriod days, present exactly when {@code durationType} is TIME_BOUND
 * @param lookbackPeriod days of history, counted back from each request
 * @param resources what kinds of resource and which clusters are asked for
 */
public record ConsentRequest(DurationType durationType, @Nullable Integer durationPeriod, int lookbackPeriod,
		List<RequestedResource> resources) {

	public ConsentRequest {
		Assert.notNull(durationType, "durationType cannot be null");
		Assert.isTrue((durationType == DurationType.TIME_BOUND) == (durationPeriod != null),
				"durationPeriod goes with TIME_BOUND, and only with it");
		Assert.notEmpty(resources, "resources cannot be empty");
		resources = List.copyOf(resources);
	}

	/** The clusters asked for resources of the given type, or none. */
	public Set<DataCluster> clustersFor(ResourceType type) {
		EnumSet<DataCluster> clusters = EnumSet.noneOf(DataCluster.class);
		this.resources.stream()
			.filter((r) -> r.resourceType() == type)
			.forEach((r) -> clusters.addAll(r.dataClusters()));
		return clusters;
	}

}
