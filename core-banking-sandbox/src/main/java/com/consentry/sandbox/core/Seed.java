package com.consentry.sandbox.core;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Stable pseudo-random numbers from names: the same account and day give the same numbers
 * on every JVM (FNV-1a over the UTF-8 bytes, then SplitMix64's finaliser; never
 * {@code hashCode} of objects, which may differ between runs).
 */
final class Seed {

	private Seed() {
	}

	static long of(String... parts) {
		long hash = 0xcbf29ce484222325L;
		for (String part : parts) {
			for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
				hash ^= (b & 0xff);
				hash *= 0x100000001b3L;
			}
			// a separator, so that ("ab", "c") and ("a", "bc") differ
			hash ^= 0xff;
			hash *= 0x100000001b3L;
		}
		hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
		hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
		return hash ^ (hash >>> 31);
	}

	static SplittableRandom random(String... parts) {
		return new SplittableRandom(of(parts));
	}

	static SplittableRandom random(String accountId, LocalDate day) {
		return random(accountId, day.toString());
	}

	/** A number in {@code [0, bound)} fixed for these names. */
	static int pick(int bound, String... parts) {
		return (int) Math.floorMod(of(parts), (long) bound);
	}

}
