package com.consentry.audit;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.util.Assert;

/**
 * Re-walks the audit chain from its first record and names the first one that does not
 * hold: a record whose content no longer matches its hash (a changed field, or records
 * swapped), one whose link to its predecessor is wrong, a gap in the sequence (a deleted
 * record), or a record that disagrees with a signed checkpoint. Checkpoints are checked
 * against the public keys in {@code audit.checkpoint_key}, both signatures each; a
 * checkpoint past the last record means records were deleted at the end.
 * <p>
 * Reads on one connection, in one read-only transaction (a consistent snapshot), with a
 * cursor: memory stays flat however long the log.
 */
public final class AuditChainVerifier {

	private static final int FETCH = 1000;

	private final DataSource dataSource;

	public AuditChainVerifier(DataSource dataSource) {
		Assert.notNull(dataSource, "dataSource cannot be null");
		this.dataSource = dataSource;
	}

	public ChainVerification verify() {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (PreparedStatement snapshot = connection
				.prepareStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) {
				snapshot.execute();
				return walk(connection);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the audit log failed", ex);
		}
	}

	private ChainVerification walk(Connection connection) throws SQLException {
		Map<String, Key> keys = new HashMap<>();
		try (PreparedStatement select = connection
			.prepareStatement("SELECT kid, algorithm, public_key FROM audit.checkpoint_key");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				keys.put(rows.getString(1), new Key(rows.getString(2), rows.getBytes(3)));
			}
		}
		TreeMap<Long, String> checkpoints = new TreeMap<>();
		try (PreparedStatement select = connection.prepareStatement("SELECT seq, hash, signed_at, es256_kid, "
				+ "es256_signature, mldsa_kid, mldsa_signature FROM audit.checkpoint ORDER BY seq");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				long seq = rows.getLong(1);
				String hash = rows.getString(2);
				byte[] content = CheckpointSignatures.signedContent(seq, hash,
						rows.getObject(3, OffsetDateTime.class).toInstant());
				if (!signed(keys, rows.getString(4), CheckpointSignatures.ES256, content, rows.getBytes(5))
						|| !signed(keys, rows.getString(6), CheckpointSignatures.ML_DSA, content, rows.getBytes(7))) {
					return ChainVerification.broken(0, checkpoints.size(), seq,
							"the signed checkpoint at record " + seq + " has an invalid signature");
				}
				checkpoints.put(seq, hash);
			}
		}
		long expected = 1;
		String prev = ChainRecord.GENESIS;
		try (PreparedStatement select = connection.prepareStatement("SELECT seq, recorded_at, type, actor_kind, actor, "
				+ "subject, outcome, correlation_id, consent_id, details, prev_hash, hash FROM audit.event ORDER BY seq")) {
			select.setFetchSize(FETCH);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					long seq = rows.getLong(1);
					if (seq != expected) {
						return ChainVerification.broken(expected - 1, checkpoints.size(), expected,
								(seq > expected) ? "record " + expected + " is missing (deleted); the next is " + seq
										: "record " + seq + " appears out of order");
					}
					String storedPrev = rows.getString(11);
					String storedHash = rows.getString(12);
					if (!prev.equals(storedPrev)) {
						return ChainVerification.broken(seq - 1, checkpoints.size(), seq,
								"its link (prev_hash) does not match record " + (seq - 1)
										+ "'s hash: records were removed, inserted or reordered");
					}
					String recomputed;
					try {
						AuditEvent event = new AuditEvent(rows.getString(3),
								new Actor(Actor.Kind.valueOf(rows.getString(4)), rows.getString(5)), rows.getString(6),
								rows.getString(7), rows.getString(8),
								rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(9),
								CanonicalJson.decodeFlat(rows.getString(10)));
						recomputed = new ChainRecord(seq, event, storedPrev).hash();
					}
					catch (RuntimeException ex) {
						return ChainVerification.broken(seq - 1, checkpoints.size(), seq,
								"its fields are no longer a valid audit event (" + ex.getMessage() + ")");
					}
					if (!recomputed.equals(storedHash)) {
						return ChainVerification.broken(seq - 1, checkpoints.size(), seq,
								"its content does not match its hash: a field was changed or records were swapped");
					}
					String checkpointed = checkpoints.get(seq);
					if (checkpointed != null && !checkpointed.equals(storedHash)) {
						return ChainVerification.broken(seq - 1, checkpoints.size(), seq,
								"its hash differs from the signed checkpoint: the log before it was rewritten");
					}
					prev = storedHash;
					expected++;
				}
			}
		}
		long records = expected - 1;
		if (!checkpoints.isEmpty() && checkpoints.lastKey() > records) {
			return ChainVerification.broken(records, checkpoints.size(), records + 1, "a signed checkpoint covers "
					+ checkpoints.lastKey() + " records but the log ends at " + records + ": records were deleted");
		}
		return ChainVerification.intact(records, checkpoints.size());
	}

	private static boolean signed(Map<String, Key> keys, String kid, String algorithm, byte[] content,
			byte[] signature) {
		Key key = keys.get(kid);
		if (key == null || !algorithm.equals(key.algorithm())) {
			return false;
		}
		try {
			return CheckpointSignatures.verify(algorithm, key.publicKey(), content, signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private record Key(String algorithm, byte[] publicKey) {
	}

}
