package com.consentry.gateway.anomaly;

import java.util.Locale;

/** What the gateway does about an anomaly, each level including the ones before it. */
public enum Response {

	/** An alert with its evidence (table, log, audit trail) for the bank's admins. */
	ALERT,

	/**
	 * And the partner's rate limits drop to tier {@code LIMITED} until an admin clears
	 * it.
	 */
	THROTTLE,

	/** And a suspension of the partner is requested, pending an admin's review. */
	SUSPEND;

	Response next() {
		return (this == ALERT) ? THROTTLE : SUSPEND;
	}

	/** The name in tables and the audit trail ({@code throttle}). */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
