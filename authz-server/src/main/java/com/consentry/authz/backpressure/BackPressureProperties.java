package com.consentry.authz.backpressure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code consentry.back-pressure.*}.
 *
 * @param retryAfter what a {@code 503} tells the client to wait before trying again
 */
@ConfigurationProperties("consentry.back-pressure")
public record BackPressureProperties(@DefaultValue("1s") Duration retryAfter) {

	public BackPressureProperties {
		Assert.isTrue(retryAfter.toSeconds() >= 1, "consentry.back-pressure.retry-after must be at least 1s");
	}

}
