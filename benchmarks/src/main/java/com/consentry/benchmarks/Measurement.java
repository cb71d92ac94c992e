package com.consentry.benchmarks;

import java.util.Locale;

/**
 * What one run of {@link GatewayBenchmark} measured against one target.
 *
 * @param target {@code direct} (the core) or {@code gateway}
 * @param mode {@code open} (fixed rate) or {@code closed} (threads back to back)
 * @param load the rate (open) or the number of threads (closed)
 * @param stats latencies of the 200 answers and the other outcomes by kind
 * @param achievedPerSecond 200 answers per second within the measured window
 * @param sendLagP99Nanos open loop: p99 of how late requests left after their due time
 * (already inside the latencies); -1 for a closed loop
 * @param note why the run stopped early, or empty
 */
record Measurement(String target, String mode, int load, Stats stats, double achievedPerSecond, long sendLagP99Nanos,
		String note) {

	long p(double fraction) {
		return this.stats.percentileNanos(fraction);
	}

	long errorCount() {
		return this.stats.errorCount();
	}

	/** The outcomes other than 200, e.g. {@code 0} or {@code 12 (status 429: 12)}. */
	String errorsText() {
		long count = errorCount();
		return (count == 0) ? "0" : count + " (" + this.stats.errors().toString().replaceAll("[{}]", "") + ")";
	}

	/** One {@code RESULT} line of {@code key=value} pairs, for scripts. */
	String resultLine() {
		return String.format(Locale.ROOT,
				"RESULT target=%s mode=%s %s=%d achieved_per_second=%.1f ok=%d p50_ms=%s p90_ms=%s p99_ms=%s "
						+ "max_ms=%s errors=%d send_lag_p99_ms=%s",
				this.target, this.mode, this.mode.equals("open") ? "rate" : "threads", this.load,
				this.achievedPerSecond, this.stats.completed(), ms(p(0.50)), ms(p(0.90)), ms(p(0.99)),
				ms(this.stats.maxNanos()), errorCount(), ms(this.sendLagP99Nanos));
	}

	/** Milliseconds with microsecond resolution, {@code -} when unknown. */
	static String ms(long nanos) {
		return (nanos < 0) ? "-" : String.format(Locale.ROOT, "%.3f", nanos / 1e6);
	}

}
