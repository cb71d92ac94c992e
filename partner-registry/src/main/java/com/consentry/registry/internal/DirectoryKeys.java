package com.consentry.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * One trusted directory's signing keys, loaded from its JWKS and cached. The set is read
 * again on a schedule ({@code consentry.registry.directory.refresh-interval}, run by
 * {@link TrustedDirectories}), so that a key the directory withdrew is refused from the
 * next refresh on, and when a statement names a key the cache lacks (the directory may
 * have rotated), then at most once per {@link #RELOAD_INTERVAL}. A failed read keeps the
 * keys of the last good one. Only public EC P-256 keys (for ES256) and public RSA keys of
 * at least 2048 bits (for PS256) are usable.
 *
 * @see <a href=
 * "https://openid.net/specs/fapi-security-profile-2_0-final.html#section-5.4.1">FAPI 2.0
 * SP §5.4.1</a>
 */
public final class DirectoryKeys {

	/**
	 * Shortest time between two loads, so unknown {@code kid}s cannot make us hammer the
	 * directory.
	 */
	public static final Duration RELOAD_INTERVAL = Duration.ofSeconds(30);

	private static final int MIN_RSA_BITS = 2048;

	private static final Logger logger = LoggerFactory.getLogger(DirectoryKeys.class);

	private final @Nullable JwksSource source;

	private final Clock clock;

	private volatile List<JWK> keys = List.of();

	private @Nullable Instant lastLoad;

	/**
	 * @param source where the keys come from; {@code null} when no directory is
	 * configured, in which case no key is ever trusted
	 * @param clock the clock that paces reloads
	 */
	public DirectoryKeys(@Nullable JwksSource source, Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.source = source;
		this.clock = clock;
	}

	/** Whether a directory is configured at all. */
	public boolean isConfigured() {
		return this.source != null;
	}

	/**
	 * The usable key with this {@code kid} for this algorithm, reloading the set
	 * (rate-limited) when the cache has none. Where a set repeats a {@code kid}, the key
	 * type and algorithm pick among them (FAPI 2.0 SP §5.4.3).
	 */
	public Optional<JWK> find(String kid, JWSAlgorithm algorithm) {
		Assert.notNull(kid, "kid cannot be null");
		Assert.notNull(algorithm, "algorithm cannot be null");
		Optional<JWK> key = match(this.keys, kid, algorithm);
		if (key.isPresent() || this.source == null) {
			return key;
		}
		return match(reloadIfDue(), kid, algorithm);
	}

	/**
	 * Reads the directory's key set again now, whatever the time since the last read:
	 * keys that left the set are no longer trusted once this returns.
	 */
	public void refresh() {
		if (this.source != null) {
			load(this.source, this.clock.instant());
		}
	}

	private synchronized List<JWK> reloadIfDue() {
		JwksSource source = this.source;
		Instant now = this.clock.instant();
		if (source == null || (this.lastLoad != null && now.isBefore(this.lastLoad.plus(RELOAD_INTERVAL)))) {
			return this.keys;
		}
		return load(source, now);
	}

	private synchronized List<JWK> load(JwksSource source, Instant now) {
		this.lastLoad = now;
		try {
			JWKSet set = source.load();
			this.keys = set.getKeys().stream().filter(DirectoryKeys::isUsable).toList();
			if (this.keys.size() < set.size()) {
				logger.warn("Ignored {} directory key(s) that are private, not for signatures, "
						+ "or not EC P-256 / RSA >= 2048", set.size() - this.keys.size());
			}
			logger.debug("Loaded {} directory key(s)", this.keys.size());
		}
		catch (Exception ex) {
			// Fail closed, but keep the keys we had: a directory outage must not untrust
			// known keys.
			logger.warn("Could not load the directory JWKS: {}", ex.toString());
		}
		return this.keys;
	}

	private static Optional<JWK> match(List<JWK> keys, String kid, JWSAlgorithm algorithm) {
		return keys.stream()
			.filter((key) -> kid.equals(key.getKeyID()))
			.filter((key) -> key.getAlgorithm() == null || algorithm.equals(key.getAlgorithm()))
			.filter((key) -> fits(key, algorithm))
			.findFirst();
	}

	private static boolean fits(JWK key, JWSAlgorithm algorithm) {
		if (JWSAlgorithm.ES256.equals(algorithm)) {
			return key instanceof ECKey;
		}
		if (JWSAlgorithm.PS256.equals(algorithm)) {
			return key instanceof RSAKey;
		}
		return false;
	}

	private static boolean isUsable(JWK key) {
		if (key.isPrivate()) {
			return false;
		}
		if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
			return false;
		}
		if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
			return false;
		}
		if (key instanceof ECKey ec) {
			return Curve.P_256.equals(ec.getCurve());
		}
		return key instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS;
	}

}
