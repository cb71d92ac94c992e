package com.consentry.consent;

/**
 * Where a revocation came in. The initiator ({@link PartyType}) says who asked; the
 * channel says who acted on the bank's side, which the initiator alone cannot: a partner
 * may report that the {@link PartyType#INDIVIDUAL customer} revoked in its app, and the
 * customer may revoke on the bank's own page. Only revocations that did not come through
 * the partner are news to it.
 */
public enum RevocationChannel {

	/** The partner holding the consent, through the FDX consent API. */
	PARTNER,

	/** The customer, on the bank's consent page ({@code /account}). */
	CUSTOMER,

	/** A bank administrator. */
	BANK,

	/** The registry, deleting the partner's registration (RFC 7592 §2.3). */
	REGISTRY;

	/** Whether the partner holding the consent made this revocation itself. */
	public boolean isPartner() {
		return this == PARTNER;
	}

}
