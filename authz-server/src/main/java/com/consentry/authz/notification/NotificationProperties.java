package com.consentry.authz.notification;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How consent events reach partners ({@code consentry.notification.*}).
 *
 * @param interval how often each instance looks for due events
 * @param batchSize the most events one instance sends per run
 * @param maxAttempts attempts before an event is given up (state FAILED)
 * @param initialBackoff the wait after the first failed attempt; doubled after each
 * further one
 * @param maxBackoff the longest wait between two attempts
 * @param connectTimeout bound on connecting to a partner's endpoint
 * @param readTimeout bound on waiting for its answer
 * @param allowPrivateAddresses whether endpoints that resolve to loopback, private or
 * other non-public addresses may be called; {@code false} unless set (the default run and
 * the tests set it)
 * @param sslBundle the Spring SSL bundle ({@code spring.ssl.bundle.*}) whose trust
 * material checks partners' certificates; the JDK's default trust store when unset
 */
@ConfigurationProperties("consentry.notification")
public record NotificationProperties(@DefaultValue("5s") Duration interval, @DefaultValue("20") int batchSize,
		@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("2s") Duration readTimeout, boolean allowPrivateAddresses, @Nullable String sslBundle) {

	public NotificationProperties {
		Assert.isTrue(batchSize > 0, "consentry.notification.batch-size must be positive");
		Assert.isTrue(maxAttempts > 0, "consentry.notification.max-attempts must be positive");
		Assert.isTrue(positive(initialBackoff), "consentry.notification.initial-backoff must be positive");
		Assert.isTrue(positive(maxBackoff), "consentry.notification.max-backoff must be positive");
		Assert.isTrue(positive(connectTimeout), "consentry.notification.connect-timeout must be positive");
		Assert.isTrue(positive(readTimeout), "consentry.notification.read-timeout must be positive");
		sslBundle = (sslBundle == null || sslBundle.isBlank()) ? null : sslBundle.strip();
	}

	/**
	 * The wait before the next attempt, after {@code attempts} failed ones: the initial
	 * back-off doubled per further failure, capped at the maximum.
	 */
	Duration backoffAfter(int attempts) {
		Assert.isTrue(attempts > 0, "attempts must be positive");
		Duration delay = this.initialBackoff;
		for (int i = 1; i < attempts && delay.compareTo(this.maxBackoff) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : delay;
	}

	/**
	 * How long a claimed event stays away from other senders: one attempt's worst case
	 * and a margin, so that an instance that died mid-attempt does not strand it.
	 */
	Duration lease() {
		return this.connectTimeout.plus(this.readTimeout).plusSeconds(30);
	}

	private static boolean positive(@Nullable Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
