package com.consentry.sandbox.fdx;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The customer a request is about, named by the gateway from the consent in
 * {@code x-consentry-customer-id}. The sandbox trusts it: it knows nothing of consent.
 */
public final class CustomerHeader {

	/** The header. */
	public static final String NAME = "x-consentry-customer-id";

	private CustomerHeader() {
	}

	/** The customer id, or {@code null} when the header is absent or blank. */
	public static @Nullable String of(HttpServletRequest request) {
		String value = request.getHeader(NAME);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/** The customer id; 400 {@code 401} when the header is absent. */
	public static String required(HttpServletRequest request) {
		String customerId = of(request);
		if (customerId == null) {
			throw new FdxException(FdxError.INVALID_INPUT, "The customer must be named in " + NAME);
		}
		return customerId;
	}

}
