package com.consentry.authz.customer;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.Assert;

/**
 * Password verification with a bounded number of Argon2 computations at a time. Each one
 * takes about 19 MiB and a core for tens of milliseconds; a burst of sign-ins queues here
 * for at most {@code wait} instead of taking every core and all the memory from token
 * requests, and past that is turned away at once. One pool for every sign-in of the
 * server, customers' and bank admins'.
 */
public final class PasswordChecks {

	private final PasswordEncoder encoder;

	private final Semaphore slots;

	private final Duration wait;

	public PasswordChecks(PasswordEncoder encoder, int concurrentHashes, Duration wait) {
		Assert.notNull(encoder, "encoder cannot be null");
		Assert.isTrue(concurrentHashes > 0, "concurrentHashes must be positive");
		Assert.notNull(wait, "wait cannot be null");
		this.encoder = encoder;
		this.slots = new Semaphore(concurrentHashes, true);
		this.wait = wait;
	}

	/**
	 * A hash of a random password: as costly to check as a real one, never matched. For
	 * attempts with nothing real to check, so that they take as long as the others.
	 */
	public String unmatchableHash() {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return this.encoder.encode(Base64.getEncoder().encodeToString(random));
	}

	/**
	 * Whether {@code password} is the one the hash that {@code hash} supplies was made
	 * from. The hash is asked for, and {@code onMatch} run, only while a slot is held:
	 * whatever the supplier counts (a sign-in attempt) and {@code onMatch} gives back is
	 * in flight at most as often as there are slots.
	 * @throws SignInBusyException when no hashing slot frees up in time
	 */
	public boolean matches(String password, Supplier<String> hash, Runnable onMatch) {
		boolean acquired;
		try {
			acquired = this.slots.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SignInBusyException();
		}
		if (!acquired) {
			throw new SignInBusyException();
		}
		try {
			boolean matches = this.encoder.matches(password, hash.get());
			if (matches) {
				onMatch.run();
			}
			return matches;
		}
		finally {
			this.slots.release();
		}
	}

}
