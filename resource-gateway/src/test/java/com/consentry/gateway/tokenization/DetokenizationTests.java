package com.consentry.gateway.tokenization;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.consentry.audit.AuditTrail;
import com.consentry.gateway.GatewayProperties;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment intake's lookups against the vault and the audit trail on PostgreSQL.
 */
@Tag("integration")
class DetokenizationTests {

	private static EmbeddedPostgres postgres;

	private static HikariDataSource pool;

	@BeforeAll
	static void database() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		pool = new HikariDataSource();
		pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		pool.setMaximumPoolSize(2);
		Flyway.configure()
			.dataSource(pool)
			.locations("filesystem:../db/migrations/audit")
			.defaultSchema("public")
			.table("audit_history")
			.load()
			.migrate();
		Flyway.configure()
			.dataSource(pool)
			.locations("filesystem:../db/migrations/gateway")
			.schemas("gateway")
			.defaultSchema("gateway")
			.load()
			.migrate();
	}

	@AfterAll
	static void stop() throws IOException {
		pool.close();
		postgres.close();
	}

	@Test
	@DisplayName("Issue 12 (5): every lookup is one audit record, a malformed token too, without what was sent")
	void malformedTokenIsRecorded() throws Exception {
		GatewayProperties gateway = new GatewayProperties(URI.create("http://localhost:9000"), null, "aud",
				URI.create("http://localhost:8080"), URI.create("http://localhost:8090"),
				URI.create("http://localhost:9000"), "YS1iYW5rLXNlY3JldC1vZi1hdC1sZWFzdC0zMi1ieXRlcy1sZW5ndGg=",
				new GatewayProperties.Dpop(false, Duration.ofSeconds(60), Duration.ofSeconds(60)),
				new GatewayProperties.Grants(Duration.ofSeconds(1), Duration.ofSeconds(30), 1000),
				new GatewayProperties.RateLimits(true, null, "STANDARD"));
		JdbcClient jdbc = JdbcClient.create(pool);
		try (AuditTrail audit = new AuditTrail(pool, Duration.ofMillis(20), 100)) {
			Detokenization detokenization = new Detokenization(jdbc,
					new AccountTokens(jdbc, Clock.systemUTC(), gateway, new TokenizationProperties("opaque", null)),
					audit, Clock.systemUTC(), gateway, RestClient.builder());
			for (String token : new String[] { "<script>alert(1)</script>", "", "x".repeat(65) }) {
				assertThat(detokenization.resolve(token, "ach-intake").outcome())
					.isEqualTo(Detokenization.Outcome.INVALID);
			}
			assertThat(detokenization.resolve(null, "ach-intake").outcome()).isEqualTo(Detokenization.Outcome.INVALID);
			List<String> records = List.of();
			for (int i = 0; i < 100 && records.size() < 4; i++) {
				Thread.sleep(50);
				records = jdbc
					.sql("SELECT concat_ws(' ', actor, outcome, details) FROM audit.event "
							+ "WHERE type = 'account_token.detokenized'")
					.query(String.class)
					.list();
			}
			assertThat(records).hasSize(4)
				.allSatisfy((record) -> assertThat(record).contains("payment-intake:ach-intake")
					.contains("invalid_request")
					.doesNotContain("script"));
		}
	}

}
