package com.consentry.sandbox.requestlog;

import java.util.ArrayDeque;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The last {@value #CAPACITY} requests, oldest first; the oldest entry goes when a new
 * one would exceed the capacity.
 */
@Component
public final class RequestLog {

	/** How many requests are kept. */
	public static final int CAPACITY = 10_000;

	private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();

	private final int capacity;

	RequestLog() {
		this(CAPACITY);
	}

	RequestLog(int capacity) {
		this.capacity = capacity;
	}

	void record(RecordedRequest request) {
		synchronized (this.entries) {
			if (this.entries.size() == this.capacity) {
				this.entries.removeFirst();
			}
			this.entries.addLast(request);
		}
	}

	/** Oldest first. */
	public List<RecordedRequest> entries() {
		synchronized (this.entries) {
			return List.copyOf(this.entries);
		}
	}

	void clear() {
		synchronized (this.entries) {
			this.entries.clear();
		}
	}

}
