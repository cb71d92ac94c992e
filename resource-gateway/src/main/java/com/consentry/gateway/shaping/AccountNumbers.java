package com.consentry.gateway.shaping;

/**
 * Masks account numbers and tax ids to their last four characters, the way FDX's
 * {@code accountNumberDisplay} shows them.
 */
final class AccountNumbers {

	private static final int SHOWN = 4;

	private AccountNumbers() {
	}

	static String mask(String value) {
		String digits = value.replaceAll("[^0-9A-Za-z]", "");
		if (value.startsWith("...") && digits.length() <= SHOWN) {
			return value;
		}
		return "..." + digits.substring(Math.max(0, digits.length() - SHOWN));
	}

}
