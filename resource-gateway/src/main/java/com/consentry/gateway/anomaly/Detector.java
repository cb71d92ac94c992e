package com.consentry.gateway.anomaly;

import java.util.Locale;

/** What was seen in a partner's traffic. */
public enum Detector {

	/** Many different accounts refused as not consented ({@code 701}) on one consent. */
	ENUMERATION,

	/** Requests in an hour where the partner's baseline is (near) zero. */
	OFF_HOURS_BURST,

	/** An hour's requests far above the partner's baseline for that hour. */
	VOLUME_SPIKE,

	/** An hour's denials far above the partner's baseline for that hour. */
	DENIAL_SURGE,

	/** A token bound to a DPoP key the partner never used before, in a burst. */
	NEW_DPOP_KEY,

	/**
	 * An hour whose calls go to one endpoint family far more than the partner's baseline
	 * share of that family (e.g. payment networks, full account numbers, instead of
	 * transactions).
	 */
	ENDPOINT_MIX,

	/**
	 * One consent reading far more different accounts within an hour than the partner's
	 * consents usually do.
	 */
	ACCOUNTS_PER_CONSENT;

	/** The name in settings, tables and the audit trail ({@code off_hours_burst}). */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
