package com.consentry.registry;

import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * What a partner organisation may ask of a customer at PAR: which FDX data clusters, the
 * longest consent and the furthest lookback, and how fast the gateway lets it call.
 *
 * @param allowedDataClusters the FDX {@code DataCluster} names it may ask for
 * @param maxDurationDays the longest {@code durationPeriod} of a consent, in days
 * @param maxLookbackDays the longest {@code lookbackPeriod}, in days
 * @param rateLimitTier its rate-limit tier at the resource gateway
 */
public record PartnerPolicy(Set<String> allowedDataClusters, int maxDurationDays, int maxLookbackDays,
		RateLimitTier rateLimitTier) {

	private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Z][A-Z_]{0,63}");

	public PartnerPolicy {
		Assert.notNull(allowedDataClusters, "allowedDataClusters cannot be null");
		Assert.isTrue(
				allowedDataClusters.stream().allMatch((name) -> name != null && CLUSTER_NAME.matcher(name).matches()),
				"allowedDataClusters must be FDX DataCluster names");
		Assert.isTrue(maxDurationDays > 0, "maxDurationDays must be positive");
		Assert.isTrue(maxLookbackDays >= 0, "maxLookbackDays cannot be negative");
		Assert.notNull(rateLimitTier, "rateLimitTier cannot be null");
		allowedDataClusters = Set.copyOf(allowedDataClusters);
	}

}
