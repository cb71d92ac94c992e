package com.consentry.authz.errors;

/**
 * What an {@code error_description} may say: RFC 6749 §5.2 allows only printable ASCII
 * without {@code "} and {@code \} (%x20-21 / %x23-5B / %x5D-7E). Descriptions often quote
 * what the client sent (a response mode, a scope, a member name of its
 * {@code authorization_details}); every other character becomes {@code ?} and the text is
 * cut to a bounded length, so a client cannot make the server write quotes, control
 * characters or kilobytes into a response, a redirect or a header.
 */
public final class ErrorDescription {

	/** Long enough for every description the server writes with a quoted value in it. */
	static final int MAX_LENGTH = 200;

	private static final String CUT = "...";

	private ErrorDescription() {
	}

	/**
	 * The description as it may be sent: RFC 6749 §5.2's character set, at most
	 * {@value #MAX_LENGTH} characters plus a marker where it was cut.
	 */
	public static String safe(String description) {
		StringBuilder safe = new StringBuilder(Math.min(description.length(), MAX_LENGTH + CUT.length()));
		for (int i = 0; i < description.length() && safe.length() < MAX_LENGTH; i++) {
			char c = description.charAt(i);
			boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
			safe.append(allowed ? c : '?');
		}
		if (description.length() > MAX_LENGTH) {
			safe.append(CUT);
		}
		return safe.toString();
	}

}
