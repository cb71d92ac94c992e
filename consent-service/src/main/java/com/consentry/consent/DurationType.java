package com.consentry.consent;

/** FDX {@code ConsentDurationType}. */
public enum DurationType {

	/** A single retrieval shortly after approval; no refresh token. */
	ONE_TIME,

	/** No FDX expiry; bounded by the CFPB 1033 one-year re-authorization rule. */
	PERSISTENT,

	/** Ends {@code durationPeriod} days after approval. */
	TIME_BOUND

}
