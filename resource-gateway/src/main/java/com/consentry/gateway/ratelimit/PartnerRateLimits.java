package com.consentry.gateway.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.consentry.gateway.GatewayProperties;
import com.consentry.gateway.anomaly.AnomalyWatch;
import com.consentry.gateway.fdx.FdxRefusal;
import com.consentry.gateway.grant.Grant;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.stereotype.Component;

/**
 * Request rates per partner and per customer-partner pair, in token buckets every gateway
 * instance shares through PostgreSQL (Bucket4j, {@code gateway.rate_limit_bucket}). Sizes
 * come from the tier of the partner's policy. Each instance may take a tenth of a
 * second's worth of tokens before it writes back, so a busy partner costs one bucket
 * update per 100 ms rather than one per request; the limit is exact up to that slack. A
 * partner throttled by anomaly detection ({@link AnomalyWatch}) gets tier
 * {@code LIMITED}, whatever its policy says.
 */
@Component
public class PartnerRateLimits {

	private static final Duration SYNC_INTERVAL = Duration.ofMillis(100);

	private static final int MAX_BUCKETS = 50_000;

	private static final String THROTTLED_TIER = "LIMITED";

	private final ProxyManager<Long> buckets;

	private final GatewayProperties.RateLimits settings;

	private final Map<String, BucketProxy> open = new ConcurrentHashMap<>();

	private final AnomalyWatch anomalies;

	PartnerRateLimits(DataSource dataSource, GatewayProperties properties, AnomalyWatch anomalies) {
		this.anomalies = anomalies;
		this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
			.table("gateway.rate_limit_bucket")
			.build();
		this.settings = properties.rateLimits();
	}

	/**
	 * Takes one request from the partner's bucket and from the pair's.
	 * @throws FdxRefusal 429 {@code 1207} with {@code Retry-After} when either is empty
	 */
	public void take(Grant grant) {
		if (!this.settings.enabled()) {
			return;
		}
		String tierName = (grant.rateLimitTier() != null) ? grant.rateLimitTier() : this.settings.defaultTier();
		if (this.anomalies.throttled(grant.clientId())) {
			// an anomaly's response: the lowest tier until an admin clears it
			tierName = THROTTLED_TIER;
		}
		GatewayProperties.Tier tier = this.settings.tier(tierName);
		consume("partner\u0000" + grant.clientId(), tier.partnerPerSecond(), tier.partnerBurst());
		consume("pair\u0000" + grant.clientId() + "\u0000" + grant.customerId(), tier.customerPerSecond(),
				tier.customerBurst());
	}

	private void consume(String name, int perSecond, int burst) {
		String key = name + "\u0000" + perSecond + "/" + burst;
		BucketProxy bucket = this.open.get(key);
		if (bucket == null) {
			if (this.open.size() >= MAX_BUCKETS) {
				this.open.clear();
			}
			// the sizes are part of the bucket's id: a bucket stored in the database
			// keeps the
			// sizes it was made with, so a partner moved to another tier (a policy
			// change, an
			// anomaly's throttle) needs a bucket of its own
			bucket = this.open.computeIfAbsent(key, (k) -> build(key, perSecond, burst));
		}
		ConsumptionProbe probe;
		try {
			probe = bucket.tryConsumeAndReturnRemaining(1);
		}
		catch (RuntimeException ex) {
			// the shared buckets cannot be read: refuse rather than serve without limits
			throw FdxRefusal.unavailable("rate_limit_state_unavailable", Duration.ofSeconds(2));
		}
		if (!probe.isConsumed()) {
			throw FdxRefusal.tooManyRequests(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	private BucketProxy build(String name, int perSecond, int burst) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
			.build();
		long slack = Math.max(1, perSecond / (1000 / SYNC_INTERVAL.toMillis()));
		return this.buckets.builder()
			.withOptimization(Optimizations.delaying(new DelayParameters(slack, SYNC_INTERVAL)))
			.build(id(name), () -> configuration);
	}

	private static long id(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
