package com.consentry.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random values registration hands out, and the hash under which a registration
 * access token is kept (the token itself is never stored).
 *
 * @see <a href=
 * "https://openid.net/specs/fapi-security-profile-2_0-final.html#section-5.4.1">FAPI 2.0
 * SP §5.4.1(4): at least 128 bits of entropy</a>
 */
final class RegistrationCredentials {

	private static final SecureRandom random = new SecureRandom();

	private static final Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();

	private RegistrationCredentials() {
	}

	/** A {@code client_id}: 128 random bits, base64url. */
	static String newClientId() {
		return randomBase64Url(16);
	}

	/** A registration access token: 256 random bits, base64url. */
	static String newRegistrationAccessToken() {
		return randomBase64Url(32);
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static String randomBase64Url(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return base64Url.encodeToString(value);
	}

}
