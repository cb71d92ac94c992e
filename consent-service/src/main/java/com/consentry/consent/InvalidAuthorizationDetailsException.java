package com.consentry.consent;

/**
 * An {@code authorization_details} value that is not a valid {@code fdx_v1.0} request.
 * The message is written for the partner's developers and may quote what the partner sent
 * (a type, a member name): whoever returns it as {@code error_description} makes it fit
 * RFC 6749 §5.2, in one place for every error the server writes.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9396#section-5">RFC 9396 §5</a>
 */
public final class InvalidAuthorizationDetailsException extends RuntimeException {

	public InvalidAuthorizationDetailsException(String message) {
		super(message);
	}

}
