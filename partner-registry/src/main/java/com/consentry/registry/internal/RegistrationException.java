package com.consentry.registry.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A refused registration: an RFC 7591 §3.2.2 error code and a description that is safe to
 * show the client (it never carries the cause's text, which is for the logs only).
 */
public final class RegistrationException extends RuntimeException {

	private final RegistrationError error;

	public RegistrationException(RegistrationError error, String description) {
		this(error, description, null);
	}

	public RegistrationException(RegistrationError error, String description, @Nullable Throwable cause) {
		super(description, cause);
		Assert.notNull(error, "error cannot be null");
		Assert.hasText(description, "description cannot be empty");
		this.error = error;
	}

	public RegistrationError error() {
		return this.error;
	}

	/** The client-safe {@code error_description}. */
	public String description() {
		return getMessage();
	}

}
