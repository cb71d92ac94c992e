package com.consentry.registry;

/**
 * Where a partner stands with the bank: only an {@link #ACTIVE} partner may obtain
 * authorizations.
 */
public enum PartnerStatus {

	/** Registered, awaiting a bank admin's approval. */
	PENDING,

	/** Approved (or auto-approved): may use the authorization server. */
	ACTIVE,

	/** Stopped by a bank admin. */
	SUSPENDED

}
