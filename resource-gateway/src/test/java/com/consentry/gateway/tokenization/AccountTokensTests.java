package com.consentry.gateway.tokenization;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.consentry.consent.DataCluster;
import com.consentry.gateway.GatewayProperties;
import com.consentry.gateway.grant.Grant;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vault on PostgreSQL, with two gateway instances (two pools) on one database.
 */
@Tag("integration")
class AccountTokensTests {

	private static final String NUMBER = "021000021000123401";

	private static EmbeddedPostgres postgres;

	private static HikariDataSource one;

	private static HikariDataSource two;

	private AccountTokens first;

	private AccountTokens second;

	@BeforeAll
	static void database() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		one = pool();
		two = pool();
		Flyway.configure()
			.dataSource(one)
			.locations("filesystem:../db/migrations/gateway")
			.schemas("gateway")
			.defaultSchema("gateway")
			.load()
			.migrate();
	}

	@AfterAll
	static void stop() throws IOException {
		one.close();
		two.close();
		postgres.close();
	}

	@BeforeEach
	void instances() {
		JdbcClient.create(one).sql("TRUNCATE gateway.account_token").update();
		this.first = tokens(one, "format-preserving");
		this.second = tokens(two, "format-preserving");
	}

	@Test
	@DisplayName("FDX §3 payment networks: the same partner, consent and account get the same token on every call and "
			+ "instance; other partners another")
	void oneTokenPerPartnerConsentAndAccount() {
		String token = this.first.tokenFor(grant("client-a", "consent-1"), "acc-1", NUMBER);
		assertThat(token).hasSize(NUMBER.length()).matches("[0-9]+").isNotEqualTo(NUMBER);
		assertThat(this.second.tokenFor(grant("client-a", "consent-1"), "acc-1", NUMBER)).isEqualTo(token);
		assertThat(this.first.tokenFor(grant("client-a", "consent-1"), "acc-1", NUMBER)).isEqualTo(token);
		assertThat(this.first.tokenFor(grant("client-b", "consent-2"), "acc-1", NUMBER)).isNotEqualTo(token);
		assertThat(rows()).isEqualTo(2);
		assertThat(JdbcClient.create(one)
			.sql("SELECT count(*) FROM gateway.account_token WHERE encode(token_digest, 'escape') LIKE ?")
			.param("%" + NUMBER + "%")
			.query(Long.class)
			.single()).as("neither the number nor the token is stored").isZero();
	}

	@Test
	@DisplayName("FDX §3 payment networks: concurrent first calls on two instances make one token (INSERT ... ON "
			+ "CONFLICT)")
	void concurrentFirstCalls() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 5; round++) {
				Grant grant = grant("client-a", "consent-c" + round);
				List<Callable<String>> calls = new java.util.ArrayList<>();
				for (int i = 0; i < 8; i++) {
					AccountTokens instance = (i % 2 == 0) ? this.first : this.second;
					calls.add(() -> instance.tokenFor(grant, "acc-1", NUMBER));
				}
				Set<String> tokens = new java.util.HashSet<>();
				for (Future<String> result : pool.invokeAll(calls)) {
					tokens.add(result.get());
				}
				assertThat(tokens).hasSize(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(rows()).isEqualTo(5);
	}

	@Test
	@DisplayName("a revoked token is never given out again: the next call gets a new one")
	void revokedTokenIsNotReissued() {
		Grant grant = grant("client-a", "consent-1");
		String token = this.first.tokenFor(grant, "acc-1", NUMBER);
		JdbcClient.create(one)
			.sql("UPDATE gateway.account_token SET revoked_at = now(), revoked_reason = 'revoked'")
			.update();
		String next = this.second.tokenFor(grant, "acc-1", NUMBER);
		assertThat(next).isNotEqualTo(token).hasSize(NUMBER.length());
		assertThat(this.first.tokenFor(grant, "acc-1", NUMBER)).isEqualTo(next);
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	@DisplayName("a revoked token is never given out again, however often the account's token was revoked")
	void manyRevocations() {
		Grant grant = grant("client-a", "consent-1");
		Set<String> given = new java.util.HashSet<>();
		for (int i = 0; i < 40; i++) {
			String token = this.first.tokenFor(grant, "acc-1", NUMBER);
			assertThat(given.add(token)).as("revocation %d", i).isTrue();
			JdbcClient.create(one)
				.sql("UPDATE gateway.account_token SET revoked_at = now(), revoked_reason = 'revoked' "
						+ "WHERE revoked_at IS NULL")
				.update();
		}
		assertThat(rows()).isEqualTo(40);
	}

	@Test
	@DisplayName("a bank that switches to opaque tokens gets them on the next call; the old token dies")
	void formatChange() {
		Grant grant = grant("client-a", "consent-1");
		String shaped = this.first.tokenFor(grant, "acc-1", NUMBER);
		String opaque = tokens(one, "opaque").tokenFor(grant, "acc-1", NUMBER);
		assertThat(opaque).isNotEqualTo(shaped).matches("[A-Za-z0-9_-]{32}");
		assertThat(JdbcClient.create(one)
			.sql("SELECT revoked_reason FROM gateway.account_token WHERE format = 'format-preserving'")
			.query(String.class)
			.single()).isEqualTo("reissued");
	}

	private static long rows() {
		return JdbcClient.create(one).sql("SELECT count(*) FROM gateway.account_token").query(Long.class).single();
	}

	private static AccountTokens tokens(HikariDataSource pool, String format) {
		GatewayProperties gateway = new GatewayProperties(URI.create("http://localhost:9000"), null, "aud",
				URI.create("http://localhost:8080"), URI.create("http://localhost:8090"),
				URI.create("http://localhost:9000"), "YS1iYW5rLXNlY3JldC1vZi1hdC1sZWFzdC0zMi1ieXRlcy1sZW5ndGg=",
				new GatewayProperties.Dpop(false, Duration.ofSeconds(60), Duration.ofSeconds(60)),
				new GatewayProperties.Grants(Duration.ofSeconds(1), Duration.ofSeconds(30), 1000),
				new GatewayProperties.RateLimits(true, null, "STANDARD"));
		return new AccountTokens(JdbcClient.create(pool), Clock.systemUTC(), gateway,
				new TokenizationProperties(format, null));
	}

	private static Grant grant(String clientId, String consentId) {
		return new Grant(consentId, clientId, "customer-1", Map.of("acc-1", Set.of(DataCluster.PAYMENT_SUPPORT)),
				Set.of(), 90, Instant.now().plusSeconds(3600), null);
	}

	private static HikariDataSource pool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		pool.setMaximumPoolSize(4);
		return pool;
	}

}
