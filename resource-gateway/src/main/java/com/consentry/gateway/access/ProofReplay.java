package com.consentry.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import com.consentry.fapi.dpop.DpopReplayCheck;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * DPoP proofs accepted by any gateway instance, in {@code gateway.dpop_proof}: the insert
 * either adds the row or finds it, so of two instances given one proof exactly one
 * accepts it (RFC 9449 §11.1). Only a SHA-256 of key thumbprint and {@code jti} is kept.
 */
final class ProofReplay implements DpopReplayCheck {

	private final JdbcClient jdbc;

	private final Clock clock;

	ProofReplay(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean firstUse(String jkt, String jti, Instant keepUntil) {
		return this.jdbc
			.sql("INSERT INTO gateway.dpop_proof (proof_hash, expires_at) VALUES (?, ?) "
					+ "ON CONFLICT (proof_hash) DO NOTHING")
			.params(hash(jkt, jti), Timestamp.from(keepUntil))
			.update() == 1;
	}

	@Scheduled(fixedDelayString = "${consentry.gateway.dpop.cleanup-interval:1m}")
	void removeExpired() {
		this.jdbc.sql("DELETE FROM gateway.dpop_proof WHERE expires_at < ?")
			.param(Timestamp.from(this.clock.instant()))
			.update();
	}

	private static byte[] hash(String jkt, String jti) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(jkt.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(jti.getBytes(StandardCharsets.UTF_8));
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
