package com.consentry.authz.consentapi;

import org.springframework.http.HttpStatus;

/**
 * The FDX errors this API answers with: code and HTTP status as in spec/fdx.md §3.3, and
 * a message that may be shown to end users (never an exception's text).
 */
public enum FdxError {

	/** 401 Invalid input: a malformed body or parameter. */
	INVALID_INPUT("401", HttpStatus.BAD_REQUEST, "Invalid input"),

	/** 603 Authentication failed: no, a bad or an expired token, or a bad DPoP proof. */
	AUTHENTICATION_FAILED("603", HttpStatus.UNAUTHORIZED, "Authentication failed"),

	/**
	 * 1107 Data not found for request parameters: unknown, never granted or another
	 * partner's consent.
	 */
	CONSENT_NOT_FOUND("1107", HttpStatus.NOT_FOUND, "Consent not found"),

	/** 409 Conflict with the target's current state: the consent is no longer active. */
	CONSENT_NOT_ACTIVE("409", HttpStatus.CONFLICT, "Consent is not active"),

	/** 1203 Content type not supported. */
	CONTENT_TYPE_NOT_SUPPORTED("1203", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type not supported"),

	/** 500 Internal server error. */
	INTERNAL("500", HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error"),

	/**
	 * 501 Subsystem unavailable, with HTTP 503 and {@code Retry-After}: the database
	 * could not serve in time (back-pressure); nothing was changed, the same request may
	 * be sent again.
	 */
	SUBSYSTEM_UNAVAILABLE("501", HttpStatus.SERVICE_UNAVAILABLE, "Subsystem unavailable, retry later");

	private final String code;

	private final HttpStatus status;

	private final String message;

	FdxError(String code, HttpStatus status, String message) {
		this.code = code;
		this.status = status;
		this.message = message;
	}

	String code() {
		return this.code;
	}

	HttpStatus status() {
		return this.status;
	}

	String message() {
		return this.message;
	}

}
