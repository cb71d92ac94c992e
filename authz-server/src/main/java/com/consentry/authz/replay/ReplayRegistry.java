package com.consentry.authz.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Remembers single-use identifiers until they expire, in {@code authz.used_jti}, so that
 * a value used on one instance is refused on every other. Only a SHA-256 of purpose,
 * issuer and value is stored.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-11.1">RFC 9449
 * §11.1</a>
 */
@Component
public class ReplayRegistry {

	/**
	 * What a remembered identifier belongs to; the same value under two purposes does not
	 * collide.
	 */
	public enum Purpose {

		DPOP_PROOF, CLIENT_ASSERTION

	}

	private static final Duration CLEANUP_GRACE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	public ReplayRegistry(JdbcClient jdbc, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a use of {@code value} and tells whether it is the first. Atomic across
	 * instances: of two concurrent calls with one value, exactly one gets {@code true}.
	 * @param scope who minted the value (a client id, a key thumbprint), so distinct
	 * issuers never collide
	 * @param keepUntil when the value can no longer be accepted anyway
	 */
	public boolean firstUse(Purpose purpose, String scope, String value, Instant keepUntil) {
		int inserted = this.jdbc
			.sql("INSERT INTO authz.used_jti (jti_hash, expires_at) VALUES (?, ?) ON CONFLICT (jti_hash) DO NOTHING")
			.params(hash(purpose, scope, value), Timestamp.from(keepUntil))
			.update();
		return inserted == 1;
	}

	@Scheduled(fixedDelayString = "${consentry.replay.cleanup-interval:5m}")
	void removeExpired() {
		this.jdbc.sql("DELETE FROM authz.used_jti WHERE expires_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(CLEANUP_GRACE)))
			.update();
	}

	private static byte[] hash(Purpose purpose, String scope, String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(purpose.name().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(scope.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(value.getBytes(StandardCharsets.UTF_8));
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
