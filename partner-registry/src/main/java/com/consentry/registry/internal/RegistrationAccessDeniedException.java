package com.consentry.registry.internal;

/**
 * An RFC 7592 request whose registration access token is missing or wrong, or whose
 * client is unknown; all three get the same answer so that the response reveals nothing.
 */
public final class RegistrationAccessDeniedException extends RuntimeException {

	public RegistrationAccessDeniedException() {
		super("invalid registration access token", null, false, false);
	}

}
