package com.consentry.consent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The expiry job and record keeping ({@code consentry.consent.expiry.*}).
 *
 * @param interval how often each instance looks for consents whose time is up; a consent
 * past its time is never honoured in between (every use checks the time), this only
 * brings the stored status in line
 * @param batchSize how many consents one statement expires
 * @param retention how long consent records are kept after they end (CFPB 1033.351: at
 * least three years). Nothing deletes them today; a purge, when one is added, must keep
 * them at least this long
 */
@ConfigurationProperties("consentry.consent.expiry")
public record ConsentExpiryProperties(@DefaultValue("1m") Duration interval, @DefaultValue("500") int batchSize,
		@DefaultValue("1096d") Duration retention) {

	public ConsentExpiryProperties {
		Assert.isTrue(!interval.isNegative() && !interval.isZero(), "interval must be positive");
		Assert.isTrue(batchSize > 0, "batchSize must be positive");
		Assert.isTrue(retention.compareTo(Duration.ofDays(1095)) >= 0,
				"retention must be at least three years (CFPB 1033.351)");
	}

}
