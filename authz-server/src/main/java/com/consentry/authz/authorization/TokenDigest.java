package com.consentry.authz.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The SHA-256 under which a secret (code, token, request_uri reference, consent state) is
 * stored and looked up. A token read back from the store whose value was not presented in
 * the request carries a <em>reference</em> instead of its value ({@code sha256:} and the
 * digest): saving the authorization again writes the same digest back, and the reference
 * can never be confused with a real value, which the server mints without a colon.
 */
final class TokenDigest {

	private static final String REFERENCE_PREFIX = "sha256:";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private TokenDigest() {
	}

	/** The digest of a value, or of the token a reference stands for. */
	static byte[] of(String value) {
		if (value.startsWith(REFERENCE_PREFIX)) {
			return DECODER.decode(value.substring(REFERENCE_PREFIX.length()));
		}
		return sha256(value);
	}

	/** What stands for a token whose value the store does not know. */
	static String reference(byte[] digest) {
		return REFERENCE_PREFIX + ENCODER.encodeToString(digest);
	}

	/**
	 * The digest of exactly this presented value: a presented reference is hashed like
	 * any other string.
	 */
	static byte[] ofPresented(String value) {
		return sha256(value);
	}

	static boolean same(byte[] a, byte[] b) {
		return Arrays.equals(a, b);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is a required JCA algorithm", ex);
		}
	}

}
