package com.consentry.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Times the steps of one operation: each {@link #mark(String)} ends the step that began
 * at the previous mark (or at the operation's start). One per thread, reused for every
 * operation.
 */
final class StepTimer {

	private final List<String> names = new ArrayList<>();

	private final List<Long> nanos = new ArrayList<>();

	private long last;

	void start(long startNanos) {
		this.names.clear();
		this.nanos.clear();
		this.last = startNanos;
	}

	/** Ends the step called {@code name}. */
	void mark(String name) {
		long now = System.nanoTime();
		this.names.add(name);
		this.nanos.add(now - this.last);
		this.last = now;
	}

	int size() {
		return this.names.size();
	}

	String name(int index) {
		return this.names.get(index);
	}

	long nanos(int index) {
		return this.nanos.get(index);
	}

}
