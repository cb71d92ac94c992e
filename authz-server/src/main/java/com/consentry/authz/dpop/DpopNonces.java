package com.consentry.authz.dpop;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.consentry.authz.keys.ServerSecrets;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Stateless server nonces (RFC 9449 §8): the time step and an HMAC of it under a secret
 * all instances share, so a nonce handed out by one instance is accepted by every other,
 * with nothing stored.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-8">RFC 9449 §8</a>
 */
@Component
@DependsOnDatabaseInitialization
public class DpopNonces {

	private static final int ACCEPTED_STEPS = 3;

	private static final int MAC_BYTES = 16;

	private final SecretKeySpec key;

	private final long stepMillis;

	private final Clock clock;

	public DpopNonces(ServerSecrets secrets, DpopProperties properties, Clock clock) {
		Assert.notNull(secrets, "secrets cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.key = new SecretKeySpec(secrets.secret("dpop-nonce"), "HmacSHA256");
		this.stepMillis = properties.nonceStep().toMillis();
		this.clock = clock;
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
