package com.consentry.consent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * What the bank allows a partner to ask for ({@code consentry.consent.*}).
 *
 * @param maxDurationDays longest TIME_BOUND consent; CFPB 1033 requires re-authorization
 * after a year
 * @param maxLookbackDays most history a consent may reach back
 * @param defaultLookbackDays history granted when the request names none
 * @param oneTimeMinutes how long a ONE_TIME consent stays usable after approval
 */
@ConfigurationProperties("consentry.consent")
public record ConsentLimits(@DefaultValue("365") int maxDurationDays, @DefaultValue("730") int maxLookbackDays,
		@DefaultValue("90") int defaultLookbackDays, @DefaultValue("60") int oneTimeMinutes) {

	public ConsentLimits {
		Assert.isTrue(maxDurationDays > 0 && maxDurationDays <= 365, "maxDurationDays must be 1..365 (CFPB 1033)");
		Assert.isTrue(maxLookbackDays >= 0, "maxLookbackDays cannot be negative");
		Assert.isTrue(defaultLookbackDays >= 0 && defaultLookbackDays <= maxLookbackDays,
				"defaultLookbackDays must be within maxLookbackDays");
		Assert.isTrue(oneTimeMinutes > 0, "oneTimeMinutes must be positive");
	}

}
