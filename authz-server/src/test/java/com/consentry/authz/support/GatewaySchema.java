package com.consentry.authz.support;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The resource gateway's schema, for tests of the console pages that read and write its
 * tables (alerts, throttles, suspension requests, account tokens). The gateway migrates
 * its own schema with its own history; in these tests no gateway runs, so the test does
 * it.
 */
public final class GatewaySchema {

	private GatewaySchema() {
	}

	public static void migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("filesystem:../db/migrations/gateway")
			.schemas("gateway")
			.defaultSchema("gateway")
			.load()
			.migrate();
	}

}
