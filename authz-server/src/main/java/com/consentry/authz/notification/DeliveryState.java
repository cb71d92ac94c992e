package com.consentry.authz.notification;

/** What became of a consent event owed to a partner. */
public enum DeliveryState {

	/** Not delivered yet; the next attempt is due at {@code nextAttemptAt}. */
	PENDING,

	/** The partner's endpoint answered 2xx. */
	DELIVERED,

	/** Every attempt failed; no further attempt is made. */
	FAILED

}
