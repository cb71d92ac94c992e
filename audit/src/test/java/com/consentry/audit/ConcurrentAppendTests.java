package com.consentry.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** On an embedded PostgreSQL with the audit schema migrated. */
@Tag("integration")
class ConcurrentAppendTests {

	@Test
	@DisplayName("Two instances appending at once, each from four threads, keep one valid, gap-free chain")
	void twoInstancesKeepOneChain() throws Exception {
		try (AuditDatabase database = new AuditDatabase();
				HikariDataSource first = database.newPool();
				HikariDataSource second = database.newPool();
				AuditTrail one = new AuditTrail(first, Duration.ofMillis(5), 10_000);
				AuditTrail two = new AuditTrail(second, Duration.ofMillis(5), 10_000)) {
			ExecutorService threads = Executors.newFixedThreadPool(8);
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				AuditTrail trail = (t % 2 == 0) ? one : two;
				String instance = (t % 2 == 0) ? "one" : "two";
				int thread = t;
				writers.add(threads.submit(() -> {
					for (int i = 0; i < 250; i++) {
						trail.record(AuditEvent.of("gateway.access", Actor.partner(instance), "t" + thread + "-" + i,
								"success"));
						if (i % 50 == 0) {
							trail.flush();
						}
					}
				}));
			}
			for (Future<?> writer : writers) {
				writer.get();
			}
			threads.shutdown();
			one.flush();
			two.flush();
			ChainVerification verification = new AuditChainVerifier(database.dataSource()).verify();
			assertThat(verification.intact()).as(verification.summary()).isTrue();
			assertThat(verification.records()).isEqualTo(2000);
			JdbcClient jdbc = JdbcClient.create(database.dataSource());
			assertThat(jdbc.sql("SELECT count(DISTINCT subject) FROM audit.event").query(Long.class).single())
				.isEqualTo(2000);
			assertThat(jdbc.sql("SELECT count(DISTINCT actor) FROM audit.event").query(Long.class).single())
				.isEqualTo(2);
		}
	}

}
