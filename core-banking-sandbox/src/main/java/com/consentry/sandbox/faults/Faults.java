package com.consentry.sandbox.faults;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** The fault in force, if any. */
@Component
public final class Faults {

	private final AtomicReference<@Nullable Fault> current = new AtomicReference<>();

	@Nullable Fault current() {
		return this.current.get();
	}

	void set(Fault fault) {
		this.current.set(fault);
	}

	void clear() {
		this.current.set(null);
	}

}
