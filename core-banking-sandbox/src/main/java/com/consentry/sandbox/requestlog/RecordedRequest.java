package com.consentry.sandbox.requestlog;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A request as the sandbox received it.
 *
 * @param method the HTTP method
 * @param path the path as sent (not decoded)
 * @param query the query string as sent, if any
 * @param customerId the {@code x-consentry-customer-id} header, if any
 * @param interactionId the {@code x-fapi-interaction-id} of the answer
 * @param time when it arrived
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordedRequest(String method, String path, @Nullable String query, @Nullable String customerId,
		String interactionId, Instant time) {
}
