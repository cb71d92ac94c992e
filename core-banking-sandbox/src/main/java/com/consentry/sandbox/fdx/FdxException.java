package com.consentry.sandbox.fdx;

import org.jspecify.annotations.Nullable;

/**
 * Ends a request with an FDX error. The debug message says what was wrong for a
 * developer, in our words: never a value the caller sent (it may hold personal data),
 * never an exception's text.
 */
public final class FdxException extends RuntimeException {

	private final FdxError error;

	private final @Nullable String debugMessage;

	public FdxException(FdxError error, @Nullable String debugMessage) {
		super(error.code() + " " + error.message(), null, false, false);
		this.error = error;
		this.debugMessage = debugMessage;
	}

	public FdxException(FdxError error) {
		this(error, null);
	}

	public FdxError error() {
		return this.error;
	}

	public @Nullable String debugMessage() {
		return this.debugMessage;
	}

}
