package com.consentry.authz.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;

/**
 * Flyway migrates over connections of its own, not the request pool's: its session
 * settings (no statement timeout, so a long migration is not cut off) must never come
 * back to a request as a pooled connection, where they would undo the pool's 2 s
 * statement timeout.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConnections {

	@Bean
	FlywayConfigurationCustomizer migrationsOnTheirOwnConnections(DataSource dataSource) {
		Assert.isInstanceOf(HikariDataSource.class, dataSource,
				"migrations copy the Hikari pool's connection settings");
		HikariDataSource pool = (HikariDataSource) dataSource;
		return (configuration) -> configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
	}

}
