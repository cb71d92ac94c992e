package com.consentry.registry;

import java.io.Serial;

/**
 * A bank admin asked for a status change the partner lifecycle does not allow (for
 * example reactivating a PENDING partner, or anything of a REVOKED one). Nothing was
 * changed.
 */
public class IllegalPartnerTransitionException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final PartnerStatus from;

	private final PartnerStatus to;

	public IllegalPartnerTransitionException(String orgId, PartnerStatus from, PartnerStatus to) {
		super("Partner " + orgId + " cannot move from " + from + " to " + to);
		this.from = from;
		this.to = to;
	}

	public PartnerStatus from() {
		return this.from;
	}

	public PartnerStatus to() {
		return this.to;
	}

}
