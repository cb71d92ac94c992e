package com.consentry.authz.clients;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code consentry.clients.*}: the registered-client cache.
 *
 * @param timeToLive longest time a cached client is served; the bound on staleness should
 * a change notification ever be missed while the listener looked healthy
 * @param maximumSize most clients cached; beyond it the cache starts over
 * @param reconnectDelay pause before the change listener reconnects after losing its
 * connection (the cache is bypassed meanwhile)
 */
@ConfigurationProperties("consentry.clients")
public record ClientCacheProperties(@DefaultValue("60s") Duration timeToLive, @DefaultValue("10000") int maximumSize,
		@DefaultValue("2s") Duration reconnectDelay) {

	public ClientCacheProperties {
		Assert.isTrue(!timeToLive.isNegative(), "consentry.clients.time-to-live cannot be negative");
		Assert.isTrue(maximumSize > 0, "consentry.clients.maximum-size must be positive");
		Assert.isTrue(!reconnectDelay.isNegative() && !reconnectDelay.isZero(),
				"consentry.clients.reconnect-delay must be positive");
	}

}
