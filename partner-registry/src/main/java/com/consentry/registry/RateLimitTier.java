package com.consentry.registry;

/**
 * How many requests per unit of time the resource gateway lets a partner make; the
 * gateway maps each tier to its limits.
 */
public enum RateLimitTier {

	/** Below the usual: a new or misbehaving partner. */
	LIMITED,

	/** The bank's usual limits. */
	STANDARD,

	/** Above the usual, for partners the bank expects heavy traffic from. */
	ELEVATED

}
