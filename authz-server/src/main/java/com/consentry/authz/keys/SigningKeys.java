package com.consentry.authz.keys;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.consentry.registry.FapiPolicy;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * The server's signing keys: one ES256 (P-256) and one PS256 (RSA 3072) key in use at a
 * time, generated on first start, sealed in {@code authz.signing_key}, shared by every
 * instance. Replaced keys stay published until nothing they signed can still be valid.
 * <p>
 * As a {@link JWKSource} it yields public keys only: it feeds the JWKS endpoint and token
 * verification. Signing goes through {@link #signingKey(JWSAlgorithm)}.
 *
 * @see <a href=
 * "https://openid.net/specs/fapi-security-profile-2_0-final.html#section-5.4">FAPI 2.0 SP
 * §5.4</a>
 */
@Component
@DependsOnDatabaseInitialization
public class SigningKeys implements JWKSource<SecurityContext> {

	/**
	 * The algorithms the server signs with (FAPI 2.0 SP §5.4.1: PS256, ES256; never
	 * RS256).
	 */
	public static final List<JWSAlgorithm> ALGORITHMS = FapiPolicy.SIGNING_ALGORITHMS.stream()
		.map(JWSAlgorithm::parse)
		.toList();

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	// Advisory lock id, so that two instances starting together create one key set, not
	// two.
	private static final long KEY_LOCK = 0x436f6e73656e7401L;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KeySealer sealer;

	private final KeyProperties properties;

	private final Clock clock;

	private volatile KeySet keySet = new KeySet(Map.of(), List.of());

	public SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, KeyProperties properties, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(transactions, "transactions cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.sealer = new KeySealer(properties.encryptionKey());
		this.properties = properties;
		this.clock = clock;
		this.transactions.executeWithoutResult((tx) -> {
			lock();
			for (JWSAlgorithm algorithm : ALGORITHMS) {
				if (activeKid(algorithm) == null) {
					insert(generate(algorithm));
				}
			}
		});
		reload();
	}

	/** The key that signs with {@code algorithm} now, private part included. */
	public JWK signingKey(JWSAlgorithm algorithm) {
		JWK key = this.keySet.active().get(algorithm);
		if (key == null) {
			throw new IllegalStateException("No active signing key for " + algorithm);
		}
		return key;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(new JWKSet(this.keySet.published()));
	}

	/**
	 * Replaces every active key by a new one; the old ones stay published for a while.
	 */
	public void rotate() {
		this.transactions.executeWithoutResult((tx) -> {
			lock();
			Instant now = this.clock.instant();
			this.jdbc.sql("UPDATE authz.signing_key SET retired_at = ? WHERE retired_at IS NULL")
				.param(Timestamp.from(now))
				.update();
			for (JWSAlgorithm algorithm : ALGORITHMS) {
				insert(generate(algorithm));
			}
		});
		reload();
		logger.info("Signing keys rotated");
	}

	/**
	 * Rotates when the keys in use are older than the rotation period, and picks up other
	 * instances' work.
	 */
	@Scheduled(fixedDelayString = "${consentry.keys.refresh-interval:60s}",
			initialDelayString = "${consentry.keys.refresh-interval:60s}")
	void refresh() {
		Instant oldest = this.jdbc.sql("SELECT min(created_at) FROM authz.signing_key WHERE retired_at IS NULL")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		if (oldest != null && oldest.plus(this.properties.rotationPeriod()).isBefore(this.clock.instant())) {
			rotate();
		}
		else {
			reload();
		}
	}

	private void reload() {
		Instant publishedSince = this.clock.instant().minus(this.properties.retiredKeyPublication());
		Map<JWSAlgorithm, JWK> active = new ConcurrentHashMap<>();
		List<JWK> published = new ArrayList<>();
		this.jdbc
			.sql("SELECT kid, alg, public_jwk, sealed_private_jwk, retired_at FROM authz.signing_key "
					+ "WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC")
			.param(Timestamp.from(publishedSince))
			.query((rs) -> {
				String kid = rs.getString("kid");
				published.add(parse(rs.getString("public_jwk")));
				if (rs.getTimestamp("retired_at") == null) {
					JWSAlgorithm algorithm = JWSAlgorithm.parse(rs.getString("alg"));
					active.putIfAbsent(algorithm, parse(this.sealer.open(kid, rs.getBytes("sealed_private_jwk"))));
				}
			});
		this.keySet = new KeySet(Map.copyOf(active), List.copyOf(published));
	}

	private String activeKid(JWSAlgorithm algorithm) {
		return this.jdbc.sql("SELECT kid FROM authz.signing_key WHERE alg = ? AND retired_at IS NULL")
			.param(algorithm.getName())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void insert(JWK key) {
		this.jdbc
			.sql("INSERT INTO authz.signing_key (kid, alg, public_jwk, sealed_private_jwk, created_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(key.getKeyID(), key.getAlgorithm().getName(), key.toPublicJWK().toJSONString(),
					this.sealer.seal(key.getKeyID(), key.toJSONString()), Timestamp.from(this.clock.instant()))
			.update();
	}

	private void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(KEY_LOCK).query(Object.class).single();
	}

	private static JWK generate(JWSAlgorithm algorithm) {
		String kid = algorithm.getName().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID();
		try {
			if (JWSAlgorithm.ES256.equals(algorithm)) {
				return new ECKeyGenerator(Curve.P_256).keyID(kid)
					.algorithm(algorithm)
					.keyUse(KeyUse.SIGNATURE)
					.generate();
			}
			return new RSAKeyGenerator(3072).keyID(kid).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Key generation failed for " + algorithm, ex);
		}
	}

	private static JWK parse(String json) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored signing key is not a JWK", ex);
		}
	}

	private record KeySet(Map<JWSAlgorithm, JWK> active, List<JWK> published) {
	}

}
