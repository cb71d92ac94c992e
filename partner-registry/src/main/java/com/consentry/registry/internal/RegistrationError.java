package com.consentry.registry.internal;

/**
 * The error codes a refused registration answers with.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3.2.2">RFC 7591
 * §3.2.2</a>
 */
public enum RegistrationError {

	INVALID_REDIRECT_URI("invalid_redirect_uri"),

	INVALID_CLIENT_METADATA("invalid_client_metadata"),

	INVALID_SOFTWARE_STATEMENT("invalid_software_statement"),

	UNAPPROVED_SOFTWARE_STATEMENT("unapproved_software_statement");

	private final String code;

	RegistrationError(String code) {
		this.code = code;
	}

	/** The value of the {@code error} member. */
	public String code() {
		return this.code;
	}

}
