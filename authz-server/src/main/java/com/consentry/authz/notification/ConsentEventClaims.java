package com.consentry.authz.notification;

/**
 * Wire names of the signed consent event: its JOSE type and the members of its
 * {@code event} claim, after FDX event notifications (category {@code CONSENT}, type
 * {@code CONSENT_REVOKED}) and FDX {@code ConsentRevocation}.
 */
public final class ConsentEventClaims {

	/**
	 * The JWS {@code typ}: explicit typing (RFC 8725 §3.11), so no other JWT passes for
	 * one.
	 */
	public static final String TYPE = "consent-event+jwt";

	/** The body's media type. */
	public static final String MEDIA_TYPE = "application/jwt";

	/** The claim holding the event. */
	public static final String EVENT = "event";

	public static final String CATEGORY = "category";

	public static final String CATEGORY_CONSENT = "CONSENT";

	public static final String EVENT_TYPE = "type";

	public static final String CONSENT_REVOKED = "CONSENT_REVOKED";

	public static final String CONSENT_ID = "consentId";

	public static final String STATUS = "status";

	public static final String REASON = "reason";

	public static final String INITIATOR = "initiator";

	public static final String REVOKED_AT = "revokedAt";

	private ConsentEventClaims() {
	}

}
