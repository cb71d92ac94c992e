package com.consentry.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests at a fixed rate whatever the answers do (an open loop): request
 * {@code i} is due at {@code start + i / rate}, and its latency is measured from that due
 * time, not from when it actually left. A server that falls behind therefore shows its
 * queue in the latencies instead of slowing the generator down (no coordinated omission).
 * Requests go out asynchronously on one {@link HttpClient}; at most {@code maxInFlight}
 * are outstanding, and a send that has to wait for one to finish still counts from its
 * due time.
 */
final class OpenLoop {

	private static final long DRAIN_SECONDS = 15;

	private final HttpClient http;

	private final int maxInFlight;

	OpenLoop(HttpClient http, int maxInFlight) {
		this.http = http;
		this.maxInFlight = maxInFlight;
	}

	/**
	 * Runs {@code warmupSeconds} unmeasured, then {@code seconds} measured, at
	 * {@code rate} requests per second. Requests due in the measured window are counted
	 * (their answers are waited for, up to 15 s after the window).
	 */
	Measurement run(String target, RequestSource requests, int rate, int warmupSeconds, int seconds)
			throws InterruptedException {
		long warmupCount = (long) rate * warmupSeconds;
		int measuredCount = Math.toIntExact((long) rate * seconds);
		long total = warmupCount + measuredCount;
		long[] ends = new long[measuredCount];
		long[] dues = new long[measuredCount];
		long[] lags = new long[measuredCount];
		int[] statuses = new int[measuredCount];
		String[] failures = new String[measuredCount];
		Semaphore inFlight = new Semaphore(this.maxInFlight);
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		long windowStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
		long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(seconds);
		double interval = 1e9 / rate;
		long scheduled = 0;
		String note = "";
		for (long i = 0; i < total; i++) {
			long due = start + Math.round(i * interval);
			waitUntil(due);
			HttpRequest request = requests.next();
			if (request == null) {
				note = "stopped early: no requests left";
				break;
			}
			inFlight.acquire();
			int slot = (int) (i - warmupCount);
			if (slot >= 0) {
				dues[slot] = due;
				lags[slot] = System.nanoTime() - due;
			}
			this.http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
				long end = System.nanoTime();
				if (slot >= 0) {
					ends[slot] = end;
					if (response != null) {
						statuses[slot] = response.statusCode();
					}
					else {
						failures[slot] = failureKind(failure);
					}
				}
				inFlight.release();
			});
			scheduled = i + 1;
		}
		if (!inFlight.tryAcquire(this.maxInFlight, DRAIN_SECONDS, TimeUnit.SECONDS)) {
			note = (note.isEmpty() ? "" : note + "; ") + "some answers did not come within " + DRAIN_SECONDS + " s";
		}
		int counted = (int) Math.max(0, Math.min(measuredCount, scheduled - warmupCount));
		Stats.Recorder recorder = new Stats.Recorder();
		StepTimer noSteps = new StepTimer();
		long answeredInWindow = 0;
		for (int slot = 0; slot < counted; slot++) {
			if (statuses[slot] == 200) {
				recorder.completed(ends[slot] - dues[slot], noSteps);
				if (ends[slot] - windowEnd <= 0) {
					answeredInWindow++;
				}
			}
			else if (statuses[slot] != 0) {
				recorder.failed("status " + statuses[slot]);
			}
			else {
				recorder.failed((failures[slot] != null) ? failures[slot] : "no answer");
			}
		}
		double measuredSeconds = (counted == measuredCount) ? seconds : counted / (double) rate;
		Stats stats = Stats.merge(target, 0, measuredSeconds, List.of(recorder), note);
		long[] sortedLags = Arrays.copyOf(lags, counted);
		Arrays.sort(sortedLags);
		long lagP99 = (counted == 0) ? -1 : sortedLags[Math.max(0, (int) Math.ceil(0.99 * counted) - 1)];
		return new Measurement(target, "open", rate, stats, answeredInWindow / (double) seconds, lagP99, note);
	}

	static String failureKind(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof HttpTimeoutException) {
			return "timeout";
		}
		if (cause instanceof IOException) {
			return "I/O " + cause.getClass().getSimpleName();
		}
		return "unexpected " + cause.getClass().getSimpleName();
	}

	/**
	 * Sleeps until {@code due} without spinning: the cores are shared with the servers.
	 * The timer's slack (tens of microseconds) lands in the measured latency of both
	 * targets alike and is reported as the send lag.
	 */
	private static void waitUntil(long due) {
		long remaining;
		while ((remaining = due - System.nanoTime()) > 0) {
			LockSupport.parkNanos(remaining);
		}
	}

}
