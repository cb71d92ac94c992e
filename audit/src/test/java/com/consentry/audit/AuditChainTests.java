package com.consentry.audit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** On an embedded PostgreSQL with the audit schema migrated. */
@Tag("integration")
class AuditChainTests {

	private AuditDatabase database;

	private AuditTrail trail;

	private AuditChainVerifier verifier;

	private JdbcClient jdbc;

	@BeforeEach
	void setUp() throws Exception {
		this.database = new AuditDatabase();
		this.trail = new AuditTrail(this.database.dataSource(), Duration.ofMillis(100), 1000);
		this.verifier = new AuditChainVerifier(this.database.dataSource());
		this.jdbc = JdbcClient.create(this.database.dataSource());
		for (int i = 1; i <= 10; i++) {
			this.trail.record(AuditEvent.of("consent.approved", Actor.customer("c-" + i), "consent-" + i, "success")
				.withConsent("consent-" + i)
				.withDetails(Map.of("clusters", "ACCOUNT_BASIC,TRANSACTIONS", "note", "line\n\"quoted\" é")));
		}
		this.trail.flush();
	}

	@AfterEach
	void tearDown() throws Exception {
		this.trail.close();
		this.database.close();
	}

	@Test
	@DisplayName("A clean log verifies, every record chained to the one before")
	void cleanLogVerifies() {
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.intact()).as(verification.summary()).isTrue();
		assertThat(verification.records()).isEqualTo(10);
		assertThat(this.jdbc.sql("SELECT prev_hash FROM audit.event WHERE seq = 1").query(String.class).single())
			.isEqualTo("0".repeat(64));
	}

	@Test
	@DisplayName("The database refuses UPDATE, DELETE and TRUNCATE of the log")
	void logIsAppendOnly() {
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> this.database.execute("UPDATE audit.event SET outcome = 'x' WHERE seq = 3"))
			.withMessageContaining("append-only");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> this.database.execute("DELETE FROM audit.event WHERE seq = 3"))
			.withMessageContaining("append-only");
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> this.database.execute("TRUNCATE audit.event"))
			.withMessageContaining("append-only");
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	@DisplayName("A changed field is found: verification names that record")
	void changedFieldIsNamed() throws SQLException {
		this.database.tamper("UPDATE audit.event SET outcome = 'denied' WHERE seq = 4");
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBroken()).isEqualTo(4);
		assertThat(verification.summary()).contains("record 4").contains("content does not match");
	}

	@Test
	@DisplayName("A changed detail or time is found as well")
	void changedDetailIsNamed() throws SQLException {
		this.database.tamper("UPDATE audit.event SET details = '{\"clusters\":\"ACCOUNT_BASIC\"}' WHERE seq = 7");
		assertThat(this.verifier.verify().firstBroken()).isEqualTo(7);
		this.database.tamper(
				"UPDATE audit.event SET details = (SELECT details FROM audit.event WHERE seq = 6) " + "WHERE seq = 7",
				"UPDATE audit.event SET recorded_at = recorded_at + interval '1 microsecond' " + "WHERE seq = 2");
		assertThat(this.verifier.verify().firstBroken()).isEqualTo(2);
	}

	@Test
	@DisplayName("A deleted record is found: verification names the missing record")
	void deletedRecordIsNamed() throws SQLException {
		this.database.tamper("DELETE FROM audit.event WHERE seq = 5");
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.firstBroken()).isEqualTo(5);
		assertThat(verification.summary()).contains("record 5 is missing");
	}

	@Test
	@DisplayName("Two swapped records are found: verification names the first of them")
	void swappedRecordsAreNamed() throws SQLException {
		this.database.tamper("UPDATE audit.event SET seq = -1 WHERE seq = 3",
				"UPDATE audit.event SET seq = 3 WHERE seq = 8", "UPDATE audit.event SET seq = 8 WHERE seq = -1");
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBroken()).isEqualTo(3);
	}

	@Test
	@DisplayName("Swapped contents with their seq kept are found too")
	void swappedContentsAreNamed() throws SQLException {
		this.database.tamper("""
				UPDATE audit.event e SET actor = o.actor, subject = o.subject, consent_id = o.consent_id
				FROM audit.event o WHERE (e.seq, o.seq) IN ((2, 9), (9, 2))""");
		assertThat(this.verifier.verify().firstBroken()).isEqualTo(2);
	}

	@Test
	@DisplayName("Signed checkpoints (ES256 and ML-DSA-65) verify, and catch a rewrite that recomputed every hash")
	void checkpointsCatchARehashedRewrite() throws Exception {
		AuditCheckpoints checkpoints = new AuditCheckpoints(this.jdbc, keys(), Clock.systemUTC());
		assertThat(checkpoints.checkpoint()).isEqualTo(10);
		assertThat(checkpoints.checkpoint()).as("nothing new to sign").isNull();
		assertThat(this.verifier.verify().intact()).isTrue();
		assertThat(this.verifier.verify().checkpoints()).isEqualTo(1);

		// a rewrite of record 6 with every later hash recomputed: the chain alone holds
		AuditTrail rewriter = new AuditTrail(this.database.dataSource(), Duration.ofHours(1), 10);
		this.database.tamper("DELETE FROM audit.event WHERE seq >= 6");
		for (int i = 6; i <= 10; i++) {
			rewriter.record(AuditEvent.of("consent.approved", Actor.customer("c-" + i), "consent-" + i, "success")
				.withConsent("consent-" + i)
				.at(Instant.now()));
		}
		rewriter.flush();
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBroken()).isEqualTo(10);
		assertThat(verification.summary()).contains("signed checkpoint");
	}

	@Test
	@DisplayName("Records deleted at the end are found by the last checkpoint")
	void truncatedTailIsNamed() throws Exception {
		new AuditCheckpoints(this.jdbc, keys(), Clock.systemUTC()).checkpoint();
		this.database.tamper("DELETE FROM audit.event WHERE seq > 8");
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.firstBroken()).isEqualTo(9);
		assertThat(verification.summary()).contains("records were deleted");
	}

	@Test
	@DisplayName("A forged checkpoint signature is found")
	void forgedCheckpointIsFound() throws Exception {
		new AuditCheckpoints(this.jdbc, keys(), Clock.systemUTC()).checkpoint();
		this.database
			.tamper("UPDATE audit.checkpoint SET hash = (SELECT hash FROM audit.event WHERE seq = 9), seq = 9");
		ChainVerification verification = this.verifier.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.summary()).contains("invalid signature");
	}

	private CheckpointKeys keys() throws GeneralSecurityException {
		KeyPair es256 = CheckpointSignatures.generate(CheckpointSignatures.ES256);
		KeyPair mlDsa = CheckpointSignatures.generate(CheckpointSignatures.ML_DSA);
		for (Map.Entry<String, KeyPair> key : Map.of("es", es256, "ml", mlDsa).entrySet()) {
			this.jdbc
				.sql("INSERT INTO audit.checkpoint_key (kid, algorithm, public_key, sealed_private_key, created_at) "
						+ "VALUES (?, ?, ?, ?, now())")
				.params(key.getKey(), key.getKey().equals("es") ? "ES256" : "ML-DSA-65",
						key.getValue().getPublic().getEncoded(), new byte[] { 0 })
				.update();
		}
		CheckpointKey es = new CheckpointKey("es", CheckpointSignatures.ES256, es256.getPrivate());
		CheckpointKey ml = new CheckpointKey("ml", CheckpointSignatures.ML_DSA, mlDsa.getPrivate());
		return new CheckpointKeys() {
			@Override
			public CheckpointKey es256() {
				return es;
			}

			@Override
			public CheckpointKey mlDsa() {
				return ml;
			}
		};
	}

}
