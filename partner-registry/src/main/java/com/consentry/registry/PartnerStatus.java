package com.consentry.registry;

/**
 * Where a partner organisation stands with the bank: only an {@link #ACTIVE} partner may
 * obtain authorizations. PENDING → ACTIVE → SUSPENDED ⇄ ACTIVE; REVOKED from any of
 * these, and final.
 */
public enum PartnerStatus {

	/** Registered, awaiting a bank admin's approval. */
	PENDING,

	/** Approved (or auto-approved): may use the authorization server. */
	ACTIVE,

	/** Stopped by a bank admin: no new requests, its tokens inactive, consents kept. */
	SUSPENDED,

	/**
	 * Ended by a bank admin for good: its consents and tokens revoked, its registrations
	 * unusable.
	 */
	REVOKED;

	/** Whether a bank admin may move a partner from this status to {@code target}. */
	public boolean canMoveTo(PartnerStatus target) {
		return switch (this) {
			case PENDING -> target == ACTIVE || target == REVOKED;
			case ACTIVE -> target == SUSPENDED || target == REVOKED;
			case SUSPENDED -> target == ACTIVE || target == REVOKED;
			case REVOKED -> false;
		};
	}

}
