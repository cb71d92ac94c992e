package com.consentry.fapi.dpop;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.util.Objects;

/**
 * Stateless server nonces (RFC 9449 §8): the time step and an HMAC of it under a secret
 * all instances share, so a nonce handed out by one instance is accepted by every other,
 * with nothing stored.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-8">RFC 9449 §8</a>
 */
public final class DpopNonces {

	private static final int ACCEPTED_STEPS = 3;

	private static final int MAC_BYTES = 16;

	private final SecretKeySpec key;

	private final long stepMillis;

	private final Clock clock;

	/**
	 * @param secret shared by every instance that must accept this server's nonces (at
	 * least 32 bytes)
	 * @param step how long one nonce is current; a nonce is accepted for three steps
	 */
	public DpopNonces(byte[] secret, Duration step, Clock clock) {
		Objects.requireNonNull(secret, "secret");
		if (secret.length < 32) {
			throw new IllegalArgumentException("A DPoP nonce secret needs at least 32 bytes");
		}
		if (step.isNegative() || step.isZero()) {
			throw new IllegalArgumentException("The nonce step must be positive");
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.stepMillis = step.toMillis();
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** The nonce to hand out now. */
	public String current() {
		return nonce(currentStep());
	}

	/** Whether {@code nonce} was issued by this server within the last three steps. */
	public boolean isValid(String nonce) {
		byte[] raw;
		try {
			raw = Base64.getUrlDecoder().decode(nonce);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (raw.length != Long.BYTES + MAC_BYTES) {
			return false;
		}
		long step = ByteBuffer.wrap(raw, 0, Long.BYTES).getLong();
		long current = currentStep();
		if (step > current || step <= current - ACCEPTED_STEPS) {
			return false;
		}
		return MessageDigest.isEqual(Arrays.copyOfRange(raw, Long.BYTES, raw.length), mac(step));
	}

	private long currentStep() {
		return this.clock.millis() / this.stepMillis;
	}

	private String nonce(long step) {
		byte[] raw = ByteBuffer.allocate(Long.BYTES + MAC_BYTES).putLong(step).put(mac(step)).array();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
	}

	private byte[] mac(long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array()), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
