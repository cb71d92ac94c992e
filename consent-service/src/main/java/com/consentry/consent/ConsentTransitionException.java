package com.consentry.consent;

/**
 * A move between statuses that {@link ConsentStatus} does not allow, e.g. revoking a
 * consent that already expired (FDX: 409 Conflict). The message names both statuses; it
 * is for logs, not for the partner.
 */
public final class ConsentTransitionException extends IllegalConsentChangeException {

	private final ConsentStatus from;

	private final ConsentStatus to;

	public ConsentTransitionException(ConsentId id, ConsentStatus from, ConsentStatus to) {
		super("consent " + id.value() + " cannot go from " + from + " to " + to);
		this.from = from;
		this.to = to;
	}

	public ConsentStatus from() {
		return this.from;
	}

	public ConsentStatus to() {
		return this.to;
	}

}
