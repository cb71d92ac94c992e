package com.consentry.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/** An embedded PostgreSQL with the audit schema migrated from db/migrations/audit. */
final class AuditDatabase implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final HikariDataSource dataSource;

	AuditDatabase() throws IOException {
		this.postgres = EmbeddedPostgres.builder().start();
		this.dataSource = newPool();
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("filesystem:../db/migrations/audit")
			.defaultSchema("public")
			.load()
			.migrate();
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	/** Another pool on the same database: another instance of an application. */
	HikariDataSource newPool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(this.postgres.getJdbcUrl("postgres", "postgres"));
		pool.setMaximumPoolSize(4);
		return pool;
	}

	/**
	 * Runs statements as a superuser who switched the append-only triggers off, as
	 * someone tampering with the database could.
	 */
	void tamper(String... statements) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("SET session_replication_role = replica");
			for (String sql : statements) {
				statement.execute(sql);
			}
			statement.execute("SET session_replication_role = origin");
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public void close() throws IOException {
		this.dataSource.close();
		this.postgres.close();
	}

}
