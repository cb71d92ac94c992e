package com.consentry.consent;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a consent stands, and where it may go from there. FDX knows only {@link #ACTIVE},
 * {@link #EXPIRED} and {@link #REVOKED} (spec/fdx.md §1.2); the others are internal: the
 * two before the customer answers are never shown through the FDX consent API, and
 * {@link #SUSPENDED} is the bank's pause.
 * <p>
 * The allowed moves, in one table: <pre>
 * AWAITING_AUTHORIZATION → ACTIVE | DENIED
 * ACTIVE                 → EXPIRED | REVOKED | SUSPENDED
 * SUSPENDED              → ACTIVE | EXPIRED | REVOKED
 * DENIED, EXPIRED, REVOKED: final
 * </pre> A suspended consent may still be revoked and still expires: a pause by the bank
 * never takes away the customer's right to end it (CFPB 1033.331(e)) nor stretches it
 * beyond its time.
 */
public enum ConsentStatus {

	/** Requested at PAR, waiting for the customer. */
	AWAITING_AUTHORIZATION,

	/** Approved by the customer; tokens may be issued and used. */
	ACTIVE,

	/** Refused by the customer (the "rejected" outcome of an authorization). */
	DENIED,

	/** Paused by the bank; no token works until it is resumed. */
	SUSPENDED,

	/** Past its expiration time. */
	EXPIRED,

	/** Ended by the customer, the partner or the bank. */
	REVOKED;

	private static final Map<ConsentStatus, Set<ConsentStatus>> NEXT = Map.of(AWAITING_AUTHORIZATION,
			EnumSet.of(ACTIVE, DENIED), ACTIVE, EnumSet.of(EXPIRED, REVOKED, SUSPENDED), SUSPENDED,
			EnumSet.of(ACTIVE, EXPIRED, REVOKED), DENIED, EnumSet.noneOf(ConsentStatus.class), EXPIRED,
			EnumSet.noneOf(ConsentStatus.class), REVOKED, EnumSet.noneOf(ConsentStatus.class));

	/** Whether a consent in this status may move to {@code next}. */
	public boolean mayBecome(ConsentStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** Whether no move leaves this status. */
	public boolean isFinal() {
		return NEXT.get(this).isEmpty();
	}

	/**
	 * Whether the customer has answered: the consent is a grant, shown to the partner and
	 * the customer.
	 */
	public boolean isGranted() {
		return this != AWAITING_AUTHORIZATION && this != DENIED;
	}

}
