package com.consentry.gateway.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One FDX request at the gateway, as the audit trail records it: who (the partner and a
 * pseudonym of the customer, never the customer id), what (consent, account, data
 * clusters, endpoint), the outcome and how long it took. Published as an application
 * event after every request.
 *
 * @param at when the request arrived
 * @param interactionId the request's {@code x-fapi-interaction-id}
 * @param endpoint the FDX endpoint, or {@code unknown}
 * @param clientId the authenticated partner, when known
 * @param customerPseudonym a keyed hash of the customer id, when known
 * @param consentId the consent the token carries, when known
 * @param accountId the account in the path, when any
 * @param clusters the data clusters released
 * @param status the HTTP status answered
 * @param outcome {@code allowed}, or the denial reason
 * @param latency time spent in the gateway, the core included
 * @param keyThumbprint the key the token is bound to, when the token was verified: the
 * DPoP key's thumbprint ({@code cnf.jkt}) or the client certificate's, prefixed
 * {@code x5t#S256:}
 */
public record AccessRecord(Instant at, String interactionId, String endpoint, @Nullable String clientId,
		@Nullable String customerPseudonym, @Nullable String consentId, @Nullable String accountId,
		Set<String> clusters, int status, String outcome, Duration latency, @Nullable String keyThumbprint) {
}
