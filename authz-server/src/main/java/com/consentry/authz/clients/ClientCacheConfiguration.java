package com.consentry.authz.clients;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;

/**
 * The registered clients every part of the server reads: Spring's JDBC repository behind
 * the shared cache.
 */
@Configuration(proxyBeanMethods = false)
class ClientCacheConfiguration {

	@Bean
	CachedRegisteredClients registeredClientRepository(JdbcOperations jdbc, ClientCacheProperties properties) {
		return new CachedRegisteredClients(new JdbcRegisteredClientRepository(jdbc), properties);
	}

	@Bean
	RegisteredClientChanges registeredClientChanges(DataSource dataSource, CachedRegisteredClients clients,
			ClientCacheProperties properties) {
		return new RegisteredClientChanges(dataSource, clients, properties);
	}

}
