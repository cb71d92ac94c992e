package com.consentry.authz.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs requests at the same moment, as concurrent clients would send them. */
public final class Concurrently {

	private static final long TIMEOUT_MINUTES = 5;

	private Concurrently() {
	}

	/** {@code times} copies of one request, all released at once. */
	public static <T> List<T> times(int times, Callable<T> request) throws Exception {
		return run(Collections.nCopies(times, request), times);
	}

	/**
	 * Every task, {@code parallelism} at a time, released together; results in the order
	 * of the tasks. A task that throws fails the whole run.
	 */
	public static <T> List<T> run(List<Callable<T>> tasks, int parallelism) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(parallelism);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(TIMEOUT_MINUTES, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
