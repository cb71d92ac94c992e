package com.consentry.consent;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * The persistent identifier of a consent grant (FDX {@code ConsentGrant.id}, the token's
 * {@code fdxConsentId} and the token response's {@code grant_id}).
 *
 * @param value 128 bits of randomness, base64url without padding
 */
public record ConsentId(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

	public ConsentId {
		Assert.isTrue(value != null && SHAPE.matcher(value).matches(), "value must be a consent identifier");
	}

	/** A new random identifier. */
	public static ConsentId generate() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return new ConsentId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/**
	 * Whether {@code candidate} could be a consent identifier, so callers can refuse
	 * garbage early.
	 */
	public static boolean isWellFormed(String candidate) {
		return candidate != null && SHAPE.matcher(candidate).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
