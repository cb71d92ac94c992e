package com.consentry.authz.par;

/**
 * Wire names of the authorization request parameters beyond RFC 6749's, and the one
 * internal parameter the server adds to a stored request.
 */
public final class ParameterNames {

	/** RFC 9449 §10: thumbprint of the key the code is bound to. */
	public static final String DPOP_JKT = "dpop_jkt";

	/** RFC 9396 §2. */
	public static final String AUTHORIZATION_DETAILS = "authorization_details";

	/** OAuth 2.0 Multiple Response Types §2.1 / JARM §2.3. */
	public static final String RESPONSE_MODE = "response_mode";

	/** RFC 9101 §4: a request object by value. */
	public static final String REQUEST = "request";

	/** RFC 9126: the handle of a pushed request. */
	public static final String REQUEST_URI = "request_uri";

	/**
	 * The consent created for a pushed request. Set by the server only; a client sending
	 * it is refused.
	 */
	public static final String CONSENT_ID = "consentry_consent_id";

	private ParameterNames() {
	}

}
