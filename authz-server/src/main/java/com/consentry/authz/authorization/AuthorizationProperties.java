package com.consentry.authz.authorization;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code consentry.authorizations.*}: how long unfinished authorizations are kept and how
 * often expired ones are purged.
 *
 * @param pendingLifetime how long a pushed request or a consent page waiting for the
 * customer is kept at most (a pushed request also ends with its own {@code expires_in})
 * @param purgeInterval pause between two runs of the purge of expired authorizations
 * @param purgeBatchSize rows deleted per statement, so a purge never holds many locks for
 * long
 */
@ConfigurationProperties("consentry.authorizations")
public record AuthorizationProperties(@DefaultValue("15m") Duration pendingLifetime,
		@DefaultValue("1m") Duration purgeInterval, @DefaultValue("500") int purgeBatchSize) {

	public AuthorizationProperties {
		Assert.isTrue(!pendingLifetime.isNegative() && !pendingLifetime.isZero(),
				"consentry.authorizations.pending-lifetime must be positive");
		Assert.isTrue(!purgeInterval.isNegative() && !purgeInterval.isZero(),
				"consentry.authorizations.purge-interval must be positive");
		Assert.isTrue(purgeBatchSize > 0, "consentry.authorizations.purge-batch-size must be positive");
	}

}
