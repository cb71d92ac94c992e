package com.consentry.consent;

/**
 * Where a consent stands. FDX knows only {@link #ACTIVE}, {@link #EXPIRED} and
 * {@link #REVOKED}; the other two are internal to the authorization flow and never shown
 * through the FDX consent API.
 */
public enum ConsentStatus {

	/** Requested at PAR, waiting for the customer. */
	AWAITING_AUTHORIZATION,

	/** Approved by the customer; tokens may be issued and used. */
	ACTIVE,

	/** Refused by the customer. */
	DENIED,

	/** Past its expiration time. */
	EXPIRED,

	/** Ended by the customer, the partner or the bank. */
	REVOKED

}
