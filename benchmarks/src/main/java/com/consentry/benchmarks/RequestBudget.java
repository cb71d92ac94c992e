package com.consentry.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The number of HTTP requests one run may still send ({@code --max-requests}). Every
 * request of the generator takes one before it is sent; once none is left,
 * {@link Exhausted} stops the thread.
 */
final class RequestBudget {

	private final AtomicLong remaining;

	RequestBudget(long maxRequests) {
		this.remaining = new AtomicLong(maxRequests);
	}

	/**
	 * Takes one request from the budget, or throws {@link Exhausted} when the budget is
	 * spent.
	 */
	void take() {
		if (this.remaining.getAndDecrement() <= 0) {
			throw new Exhausted();
		}
	}

	boolean isExhausted() {
		return this.remaining.get() <= 0;
	}

	/** Thrown by {@link #take()} when the run has sent as many requests as it may. */
	static final class Exhausted extends RuntimeException {

		Exhausted() {
			super("--max-requests reached", null, false, false);
		}

	}

}
