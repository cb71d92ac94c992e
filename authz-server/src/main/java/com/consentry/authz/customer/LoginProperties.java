package com.consentry.authz.customer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Sign-in throttling and password hashing ({@code consentry.login.*}).
 * <p>
 * Each budget is a number of attempts that pass at once; after that each further attempt
 * waits {@code backOff}, doubled for every attempt, up to {@code maxBackOff}. A key with
 * no attempt for {@code forgetAfter} starts again from zero. Behind a proxy, set
 * {@code server.forward-headers-strategy} so that the client address is the customer's,
 * not the proxy's.
 *
 * @param freeAttempts attempts for one user name from one client address
 * @param freeAttemptsPerName attempts for one user name from all addresses together
 * (slows guessing spread over many addresses; high, so that strangers cannot easily hold
 * a customer back)
 * @param freeAttemptsPerAddress failed attempts from one client address over all user
 * names
 * @param backOff the first wait once a budget is spent
 * @param maxBackOff the longest wait
 * @param forgetAfter quiet time after which a key's count starts again
 * @param concurrentHashes password hashes computed at the same time; 0 means one per
 * processor
 * @param hashWait how long a sign-in waits for a free hashing slot before it is answered
 * 503
 */
@ConfigurationProperties("consentry.login")
public record LoginProperties(@DefaultValue("5") int freeAttempts, @DefaultValue("100") int freeAttemptsPerName,
		@DefaultValue("50") int freeAttemptsPerAddress, @DefaultValue("30s") Duration backOff,
		@DefaultValue("15m") Duration maxBackOff, @DefaultValue("24h") Duration forgetAfter,
		@DefaultValue("0") int concurrentHashes, @DefaultValue("5s") Duration hashWait) {

	public LoginProperties {
		Assert.isTrue(freeAttempts > 0 && freeAttemptsPerName > 0 && freeAttemptsPerAddress > 0,
				"consentry.login.free-attempts* must be positive");
		Assert.isTrue(!backOff.isNegative() && backOff.compareTo(maxBackOff) <= 0,
				"consentry.login.back-off must be between 0 and consentry.login.max-back-off");
		Assert.isTrue(forgetAfter.compareTo(maxBackOff) > 0,
				"consentry.login.forget-after must be longer than consentry.login.max-back-off");
		Assert.isTrue(concurrentHashes >= 0, "consentry.login.concurrent-hashes cannot be negative");
		if (concurrentHashes == 0) {
			concurrentHashes = Runtime.getRuntime().availableProcessors();
		}
	}

}
