package com.consentry.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One call of a partner for a customer's data under a consent, as the gateway recorded
 * it.
 *
 * @param time when
 * @param partner the partner's {@code client_id}
 * @param endpoint the FDX endpoint
 * @param accountId the account, when the call named one
 * @param clusters the data clusters released
 * @param outcome {@code success}, or why it was refused
 */
public record DataAccess(Instant time, String partner, String endpoint, @Nullable String accountId,
		List<String> clusters, String outcome) {
}
