package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/** Amounts in cents, as {@link BigDecimal}s of scale 2. */
final class Money {

	static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private Money() {
	}

	static BigDecimal cents(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

	/** Whole dollars. */
	static BigDecimal dollars(long dollars) {
		return BigDecimal.valueOf(dollars * 100, 2);
	}

	/** Uniform in {@code [min, max]} dollars, to the cent. */
	static BigDecimal between(SplittableRandom random, double min, double max) {
		long low = Math.round(min * 100);
		long high = Math.round(max * 100);
		return cents(low + random.nextLong(high - low + 1));
	}

	static BigDecimal round(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_EVEN);
	}

}
