package com.consentry.benchmarks;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured result of one run (one scenario at one thread count): completed
 * operations, throughput, latency percentiles of the completed operations and of their
 * steps, and errors by kind. Only operations that started after the warm-up and ended
 * before the run's end are counted.
 */
final class Stats {

	private final String scenario;

	private final int threads;

	private final double measuredSeconds;

	private final long[] latencies;

	private final Map<String, long[]> steps;

	private final Map<String, Long> errors;

	private final Map<String, Long> setupErrors;

	private final long nonceRetries;

	private final String stopReason;

	private Stats(String scenario, int threads, double measuredSeconds, long[] latencies, Map<String, long[]> steps,
			Map<String, Long> errors, Map<String, Long> setupErrors, long nonceRetries, String stopReason) {
		this.scenario = scenario;
		this.threads = threads;
		this.measuredSeconds = measuredSeconds;
		this.latencies = latencies;
		this.steps = steps;
		this.errors = errors;
		this.setupErrors = setupErrors;
		this.nonceRetries = nonceRetries;
		this.stopReason = stopReason;
	}

	/** Merges the recorders of a run's threads. */
	static Stats merge(String scenario, int threads, double measuredSeconds, List<Recorder> recorders,
			String stopReason) {
		LongList all = new LongList();
		Map<String, LongList> steps = new LinkedHashMap<>();
		Map<String, Long> errors = new TreeMap<>();
		Map<String, Long> setupErrors = new TreeMap<>();
		long retries = 0;
		for (Recorder recorder : recorders) {
			all.addAll(recorder.latencies);
			recorder.steps.forEach((name, values) -> steps.computeIfAbsent(name, (n) -> new LongList()).addAll(values));
			recorder.errors.forEach((kind, count) -> errors.merge(kind, count, Long::sum));
			recorder.setupErrors.forEach((kind, count) -> setupErrors.merge(kind, count, Long::sum));
			retries += recorder.nonceRetries;
		}
		Map<String, long[]> sortedSteps = new LinkedHashMap<>();
		steps.forEach((name, values) -> sortedSteps.put(name, values.sorted()));
		return new Stats(scenario, threads, measuredSeconds, all.sorted(), sortedSteps, errors, setupErrors, retries,
				stopReason);
	}

	long completed() {
		return this.latencies.length;
	}

	long errorCount() {
		return this.errors.values().stream().mapToLong(Long::longValue).sum();
	}

	double perSecond() {
		return (this.measuredSeconds > 0) ? this.latencies.length / this.measuredSeconds : Double.NaN;
	}

	double measuredSeconds() {
		return this.measuredSeconds;
	}

	/**
	 * Nearest-rank percentile of the completed operations' latencies in nanoseconds, -1
	 * when none completed.
	 */
	long percentileNanos(double fraction) {
		return percentile(this.latencies, fraction);
	}

	/** The longest latency in nanoseconds, -1 when none completed. */
	long maxNanos() {
		return (this.latencies.length == 0) ? -1 : this.latencies[this.latencies.length - 1];
	}

	/** Failed operations by kind. */
	Map<String, Long> errors() {
		return Collections.unmodifiableMap(this.errors);
	}

	/** The multi-line report of this run. */
	String report() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "== %s, %d thread(s): %.1f s measured (%s) ==%n", this.scenario,
				this.threads, this.measuredSeconds, this.stopReason));
		out.append(String.format(Locale.ROOT, "  completed     %d  (%.1f/s)%n", completed(), perSecond()));
		out.append(String.format(Locale.ROOT, "  latency ms    %s%n", percentiles(this.latencies)));
		this.steps.forEach(
				(name, values) -> out.append(String.format(Locale.ROOT, "    %-11s %s%n", name, percentiles(values))));
		out.append(String.format(Locale.ROOT, "  errors        %d%s%n", errorCount(),
				this.errors.isEmpty() ? "" : " " + this.errors));
		if (!this.setupErrors.isEmpty()) {
			out.append(
					String.format(Locale.ROOT, "  set-up errors %s (untimed, not counted above)%n", this.setupErrors));
		}
		out.append(String.format(Locale.ROOT, "  DPoP nonce retries (use_dpop_nonce answered once more): %d%n",
				this.nonceRetries));
		return out.toString();
	}

	/** One row of the summary table. */
	String tableRow() {
		return String.format(Locale.ROOT, "| %-7s | %7d | %8.1f | %9d | %10.1f | %7s | %7s | %7s | %6d |",
				this.scenario, this.threads, this.measuredSeconds, completed(), perSecond(),
				millis(percentile(this.latencies, 0.50)), millis(percentile(this.latencies, 0.95)),
				millis(percentile(this.latencies, 0.99)), errorCount());
	}

	/**
	 * The run on one line of {@code key=value} pairs, for scripts that compare runs:
	 * {@code RESULT scenario=refresh threads=16 completed=9876 per_second=493.8 p50_ms=30.1 p99_ms=88.0 errors=0}.
	 */
	String summaryLine() {
		return String.format(Locale.ROOT,
				"RESULT scenario=%s threads=%d seconds=%.1f completed=%d per_second=%.1f p50_ms=%s p95_ms=%s p99_ms=%s errors=%d",
				this.scenario, this.threads, this.measuredSeconds, completed(), perSecond(),
				millis(percentile(this.latencies, 0.50)), millis(percentile(this.latencies, 0.95)),
				millis(percentile(this.latencies, 0.99)), errorCount());
	}

	static String tableHeader() {
		return "| scenario | threads | measured s | completed | per second | p50 ms | p95 ms | p99 ms | errors |\n"
				+ "| --- | --- | --- | --- | --- | --- | --- | --- | --- |";
	}

	private static String percentiles(long[] sorted) {
		if (sorted.length == 0) {
			return "(none)";
		}
		return String.format(Locale.ROOT, "p50 %s  p95 %s  p99 %s  max %s", millis(percentile(sorted, 0.50)),
				millis(percentile(sorted, 0.95)), millis(percentile(sorted, 0.99)), millis(sorted[sorted.length - 1]));
	}

	/** Nearest-rank percentile of sorted nanoseconds, or -1 when there are none. */
	private static long percentile(long[] sorted, double fraction) {
		if (sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(fraction * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static String millis(long nanos) {
		return (nanos < 0) ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
	}

	/**
	 * What one thread saw during the measured part of a run; used by that thread only.
	 */
	static final class Recorder {

		private final LongList latencies = new LongList();

		private final Map<String, LongList> steps = new LinkedHashMap<>();

		private final Map<String, Long> errors = new TreeMap<>();

		private final Map<String, Long> setupErrors = new TreeMap<>();

		private long nonceRetries;

		void completed(long nanos, StepTimer timer) {
			this.latencies.add(nanos);
			for (int i = 0; i < timer.size(); i++) {
				this.steps.computeIfAbsent(timer.name(i), (n) -> new LongList()).add(timer.nanos(i));
			}
		}

		void failed(String kind) {
			this.errors.merge(kind, 1L, Long::sum);
		}

		void setupFailed(String kind) {
			this.setupErrors.merge(kind, 1L, Long::sum);
		}

		void nonceRetries(long count) {
			this.nonceRetries += count;
		}

	}

	/** A growable array of longs. */
	private static final class LongList {

		private long[] values = new long[1024];

		private int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		void addAll(LongList other) {
			for (int i = 0; i < other.size; i++) {
				add(other.values[i]);
			}
		}

		long[] sorted() {
			long[] copy = Arrays.copyOf(this.values, this.size);
			Arrays.sort(copy);
			return copy;
		}

	}

}
