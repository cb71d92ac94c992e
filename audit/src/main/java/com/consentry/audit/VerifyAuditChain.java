package com.consentry.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.LoggerFactory;

/**
 * The verification command: re-walks the audit chain and its signed checkpoints, logs the
 * result, and exits 0 when intact, 1 naming the first broken record, 2 when the log
 * cannot be read.
 * <p>
 * The database: the first argument (a JDBC URL), else {@code SPRING_DATASOURCE_URL} (with
 * {@code SPRING_DATASOURCE_USERNAME} and {@code _PASSWORD}), else the URL the default run
 * wrote to {@code .consentry-data/database-url}.
 */
public final class VerifyAuditChain {

	/**
	 * Where the default run leaves its database's JDBC URL, under the repository root.
	 */
	public static final Path DEFAULT_RUN_URL = Path.of(".consentry-data", "database-url");

	private static final Log logger = LogFactory.getLog(VerifyAuditChain.class);

	private VerifyAuditChain() {
	}

	public static void main(String[] args) {
		// the pool's and driver's debug lines would bury the verdict
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
			context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
		}
		System.exit(run(args));
	}

	static int run(String[] args) {
		String url;
		String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
		String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
		try {
			url = (args.length > 0) ? args[0] : System.getenv("SPRING_DATASOURCE_URL");
			if (url == null) {
				url = Files.readString(DEFAULT_RUN_URL).trim();
			}
		}
		catch (IOException ex) {
			logger.error("No database given and no default run found (" + DEFAULT_RUN_URL.toAbsolutePath()
					+ "): pass a JDBC URL or set SPRING_DATASOURCE_URL");
			return 2;
		}
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			dataSource.setUsername(user);
			dataSource.setPassword(password);
			dataSource.setMaximumPoolSize(1);
			dataSource.setReadOnly(true);
			ChainVerification verification = new AuditChainVerifier(dataSource).verify();
			if (verification.intact()) {
				logger.info(verification.summary());
				return 0;
			}
			logger.error(verification.summary());
			return 1;
		}
		catch (RuntimeException ex) {
			logger.error("The audit log could not be read at " + url + ": " + ex.getMessage());
			return 2;
		}
	}

}
