package com.consentry.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one scenario with a number of threads for a bounded time: every thread prepares
 * its worker (untimed), then all start together, run operations back to back through the
 * warm-up and the measured period, and stop at its end or when the run's
 * {@link RequestBudget} is spent.
 */
final class ScenarioRunner {

	/** What one thread does, over and over. Used by its own thread only. */
	interface Worker {

		/**
		 * Untimed work before an operation, called before the first one and then before
		 * each: for example getting a new refresh token chain when the last one broke.
		 * Does nothing when nothing is needed.
		 */
		default void prepare() throws OperationFailed {
		}

		/** One timed operation; marks its steps on {@code steps}. */
		void run(StepTimer steps) throws OperationFailed;

		/**
		 * How many requests so far were sent twice because the server asked for a fresh
		 * DPoP nonce.
		 */
		long nonceRetries();

	}

	private static final long SETUP_FAILURE_PAUSE_MILLIS = 200;

	private final long warmupNanos;

	private final long measuredNanos;

	private final long maxRequests;

	ScenarioRunner(int warmupSeconds, int seconds, long maxRequests) {
		this.warmupNanos = TimeUnit.SECONDS.toNanos(warmupSeconds);
		this.measuredNanos = TimeUnit.SECONDS.toNanos(seconds);
		this.maxRequests = maxRequests;
	}

	/**
	 * Runs {@code threads} workers made by {@code workers} and returns what was measured.
	 */
	Stats run(String scenario, int threads, Function<RequestBudget, Worker> workers) throws InterruptedException {
		RequestBudget budget = new RequestBudget(this.maxRequests);
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		long[] window = new long[2];
		AtomicBoolean budgetSpent = new AtomicBoolean();
		List<Stats.Recorder> recorders = new ArrayList<>();
		List<Thread> running = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Stats.Recorder recorder = new Stats.Recorder();
			recorders.add(recorder);
			Thread thread = new Thread(() -> {
				Worker worker = workers.apply(budget);
				try {
					prepare(worker, recorder);
				}
				catch (RequestBudget.Exhausted ex) {
					budgetSpent.set(true);
				}
				ready.countDown();
				try {
					go.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				if (!budgetSpent.get()) {
					loop(worker, recorder, window[0], window[1], budgetSpent);
				}
			}, "load-" + scenario + "-" + (i + 1));
			thread.setDaemon(true);
			running.add(thread);
			thread.start();
		}
		ready.await();
		long start = System.nanoTime();
		window[0] = start + this.warmupNanos;
		window[1] = window[0] + this.measuredNanos;
		go.countDown();
		for (Thread thread : running) {
			thread.join(TimeUnit.NANOSECONDS.toMillis(window[1] - System.nanoTime()) + 60_000);
		}
		long stopped = Math.min(System.nanoTime(), window[1]);
		double measured = Math.max(0, stopped - window[0]) / 1e9;
		String reason = budgetSpent.get() ? "stopped early: --max-requests reached"
				: "after " + TimeUnit.NANOSECONDS.toSeconds(this.warmupNanos) + " s warm-up";
		return Stats.merge(scenario, threads, measured, recorders, reason);
	}

	private static void prepare(Worker worker, Stats.Recorder recorder) {
		try {
			worker.prepare();
		}
		catch (OperationFailed ex) {
			recorder.setupFailed(ex.kind());
		}
	}

	private static void loop(Worker worker, Stats.Recorder recorder, long measureFrom, long measureUntil,
			AtomicBoolean budgetSpent) {
		StepTimer steps = new StepTimer();
		try {
			while (System.nanoTime() < measureUntil) {
				try {
					worker.prepare();
				}
				catch (OperationFailed ex) {
					if (System.nanoTime() >= measureFrom) {
						recorder.setupFailed(ex.kind());
					}
					Thread.sleep(SETUP_FAILURE_PAUSE_MILLIS);
					continue;
				}
				long start = System.nanoTime();
				if (start >= measureUntil) {
					return;
				}
				long retriesBefore = worker.nonceRetries();
				steps.start(start);
				String failure = null;
				try {
					worker.run(steps);
				}
				catch (OperationFailed ex) {
					failure = ex.kind();
				}
				catch (RequestBudget.Exhausted ex) {
					throw ex;
				}
				catch (RuntimeException ex) {
					failure = "unexpected: " + ex.getClass().getSimpleName();
				}
				long end = System.nanoTime();
				if (start >= measureFrom && end <= measureUntil) {
					if (failure == null) {
						recorder.completed(end - start, steps);
					}
					else {
						recorder.failed(failure);
					}
					recorder.nonceRetries(worker.nonceRetries() - retriesBefore);
				}
			}
		}
		catch (RequestBudget.Exhausted ex) {
			budgetSpent.set(true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
