package com.consentry.gateway.tokenization;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a token looks ({@code consentry.gateway.tokenization.format}).
 */
public enum TokenFormat {

	/**
	 * The real number's shape: same length, a digit where it has a digit, a letter of the
	 * same case where it has a letter, its separators kept; a number that passes the Luhn
	 * (mod 10) check gives a token that passes it too. For partners and payment systems
	 * that validate account numbers.
	 */
	FORMAT_PRESERVING("format-preserving"),

	/** 32 characters of base64url, clearly not an account number. */
	OPAQUE("opaque");

	private final String value;

	TokenFormat(String value) {
		this.value = value;
	}

	/** The name in settings and in {@code gateway.account_token.format}. */
	public String value() {
		return this.value;
	}

	static TokenFormat of(String value) {
		return Arrays.stream(values())
			.filter((format) -> format.value.equals(value.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"consentry.gateway.tokenization.format must be format-preserving or opaque, not " + value));
	}

}
