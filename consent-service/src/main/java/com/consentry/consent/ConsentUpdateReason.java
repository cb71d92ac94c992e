package com.consentry.consent;

/**
 * Why a consent changed (FDX {@code ConsentUpdateReason}), recorded with a revocation.
 */
public enum ConsentUpdateReason {

	/**
	 * The data provider's or recipient's rules ended it, e.g. the partner's registration
	 * was deleted.
	 */
	BUSINESS_RULE,

	/** Someone chose to end it. */
	USER_ACTION

}
