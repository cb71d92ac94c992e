package com.consentry.gateway.anomaly;

import java.util.Arrays;

/**
 * How far a count lies from a partner's history, in robust standard deviations: the
 * modified z-score of Iglewicz and Hoaglin (1993), {@code (x - median) / (1.4826 × MAD)},
 * whose centre and spread a few outliers in the history cannot move (a mean and standard
 * deviation would be dragged by the very bursts we look for). Counts of requests are
 * Poisson-like, so the spread is never taken below {@code √max(median, 1)}, the counting
 * noise alone: without that floor a perfectly regular partner (MAD 0) would make any
 * extra request an outlier.
 *
 * @param median the median of the history
 * @param scale the spread the score divides by
 */
public record RobustScore(double median, double scale) {

	/** The usual cut-off for an outlier (Iglewicz and Hoaglin): |z| above 3.5. */
	public static final double OUTLIER = 3.5;

	/** 1.4826 × MAD estimates the standard deviation of normally distributed data. */
	private static final double MAD_TO_SIGMA = 1.4826;

	/**
	 * The centre and spread of a history.
	 * @param history the partner's counts for comparable hours, at least one
	 * @return the baseline to score against
	 */
	public static RobustScore of(double[] history) {
		if (history.length == 0) {
			throw new IllegalArgumentException("a baseline needs at least one value");
		}
		double median = median(history);
		double[] deviations = new double[history.length];
		for (int i = 0; i < history.length; i++) {
			deviations[i] = Math.abs(history[i] - median);
		}
		double mad = median(deviations);
		return new RobustScore(median, Math.max(MAD_TO_SIGMA * mad, Math.sqrt(Math.max(median, 1))));
	}

	/**
	 * The baseline of a count that is a share of a total, such as denials among an hour's
	 * requests: the history's shares (median and MAD) scaled to this total, with the
	 * counting noise of the expected count as the floor. A tripled hour with the usual
	 * share of denials is then no surge of denials.
	 * @param shares the partner's past shares for comparable hours, at least one
	 * @param total the total the count is part of
	 * @return the baseline to score the count against
	 */
	public static RobustScore ofShare(double[] shares, long total) {
		return Shares.of(shares).scaledTo(total);
	}

	/**
	 * The modified z-score of a value.
	 * @param value the count to judge
	 * @return how many robust standard deviations it lies above (or below) the median
	 */
	public double score(double value) {
		return (value - this.median) / this.scale;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * The centre and spread of past shares, computed once and scaled to each total they
	 * are compared with.
	 *
	 * @param median the median share
	 * @param mad the median absolute deviation of the shares
	 */
	public record Shares(double median, double mad) {

		/**
		 * @param shares the partner's past shares for comparable hours, at least one
		 * @return their median and MAD
		 */
		public static Shares of(double[] shares) {
			if (shares.length == 0) {
				throw new IllegalArgumentException("a baseline needs at least one value");
			}
			double median = RobustScore.median(shares);
			double[] deviations = new double[shares.length];
			for (int i = 0; i < shares.length; i++) {
				deviations[i] = Math.abs(shares[i] - median);
			}
			return new Shares(median, RobustScore.median(deviations));
		}

		/** The baseline of a count that is this share of {@code total}. */
		public RobustScore scaledTo(long total) {
			double expected = this.median * total;
			return new RobustScore(expected,
					Math.max(MAD_TO_SIGMA * this.mad * total, Math.sqrt(Math.max(expected, 1))));
		}

	}

}
