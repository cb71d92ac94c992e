package com.consentry.gateway.anomaly;

import java.time.Instant;
import java.util.Map;

/**
 * An anomaly found in one partner's traffic and what the gateway does about it.
 *
 * @param clientId the partner
 * @param detector what was seen
 * @param at when
 * @param score the modified z-score (or, for counting detectors, the count against its
 * threshold)
 * @param response the response decided
 * @param evidence the numbers behind it, under plain names (never a token or a customer)
 */
public record Alert(String clientId, Detector detector, Instant at, double score, Response response,
		Map<String, String> evidence) {

	public Alert {
		evidence = Map.copyOf(evidence);
	}

	/** One line for logs and the suspension's reason. */
	public String summary() {
		return this.detector.key() + " by " + this.clientId + " (score "
				+ String.format(java.util.Locale.ROOT, "%.1f", this.score) + "): "
				+ new java.util.TreeMap<>(this.evidence);
	}

}
