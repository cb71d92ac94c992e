package com.consentry.audit;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * Signs the chain's head: a row of {@code audit.checkpoint} with the head's
 * {@code (seq, hash)}, signed with ES256 and ML-DSA-65. Someone who rewrites the log and
 * recomputes every hash after the change still cannot make the checkpoints agree. Any
 * instance may call it; a head already signed is skipped.
 */
public final class AuditCheckpoints {

	private final JdbcClient jdbc;

	private final CheckpointKeys keys;

	private final Clock clock;

	public AuditCheckpoints(JdbcClient jdbc, CheckpointKeys keys, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(keys, "keys cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Signs the current head if no checkpoint covers it yet.
	 * @return the head's {@code seq} now signed, or {@code null} if there was nothing new
	 */
	public @Nullable Long checkpoint() {
		Head head = this.jdbc.sql("SELECT seq, hash FROM audit.event ORDER BY seq DESC LIMIT 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElse(null);
		Long signed = this.jdbc.sql("SELECT max(seq) FROM audit.checkpoint").query(Long.class).optional().orElse(null);
		if (head == null || (signed != null && signed >= head.seq())) {
			return null;
		}
		OffsetDateTime signedAt = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC)
			.withNano(this.clock.instant().getNano() / 1000 * 1000);
		byte[] content = CheckpointSignatures.signedContent(head.seq(), head.hash(), signedAt.toInstant());
		CheckpointKey es256 = this.keys.es256();
		CheckpointKey mlDsa = this.keys.mlDsa();
		try {
			this.jdbc
				.sql("INSERT INTO audit.checkpoint (seq, hash, signed_at, es256_kid, es256_signature, mldsa_kid, "
						+ "mldsa_signature) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING")
				.params(head.seq(), head.hash(), signedAt, es256.kid(), CheckpointSignatures.sign(es256, content),
						mlDsa.kid(), CheckpointSignatures.sign(mlDsa, content))
				.update();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing an audit checkpoint failed", ex);
		}
		return head.seq();
	}

	private record Head(long seq, String hash) {
	}

}
