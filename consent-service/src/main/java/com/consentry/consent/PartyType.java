package com.consentry.consent;

/**
 * Who acted on a consent (FDX {@code PartyType}), recorded as the initiator of a
 * revocation.
 */
public enum PartyType {

	DATA_ACCESS_PLATFORM,

	/** The bank, which holds the data (this server). */
	DATA_PROVIDER,

	/** The partner the consent was granted to. */
	DATA_RECIPIENT,

	/** The customer. */
	INDIVIDUAL,

	MERCHANT,

	VENDOR

}
