package com.consentry.gateway.grant;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.consentry.consent.DataCluster;
import org.jspecify.annotations.Nullable;

/**
 * What a consent lets its partner read, as the gateway enforces it: the customer's
 * accounts with the data clusters granted for each, the customer-level clusters, and the
 * lookback window.
 *
 * @param consentId the FDX consent
 * @param clientId the partner it was granted to
 * @param customerId the customer who granted it
 * @param accounts the consented accounts and the clusters granted for each
 * @param customerClusters clusters granted on the customer resource
 * @param lookbackDays how far back history may be read, from each request's time
 * @param expiresAt when the consent ends
 * @param rateLimitTier the partner's rate-limit tier
 */
public record Grant(String consentId, String clientId, String customerId, Map<String, Set<DataCluster>> accounts,
		Set<DataCluster> customerClusters, int lookbackDays, Instant expiresAt, @Nullable String rateLimitTier) {

	/** The clusters granted for {@code accountId}, empty when it is not consented. */
	public Set<DataCluster> clustersOf(String accountId) {
		return this.accounts.getOrDefault(accountId, Set.of());
	}

	public boolean covers(String accountId) {
		return this.accounts.containsKey(accountId);
	}

}
