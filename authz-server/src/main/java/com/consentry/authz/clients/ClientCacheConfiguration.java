package com.consentry.authz.clients;

import java.util.List;

import javax.sql.DataSource;

import com.consentry.notifications.ChannelListener;

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

	static final String CHANNEL = "registered_client_changed";

	@Bean
	CachedRegisteredClients registeredClientRepository(JdbcOperations jdbc, ClientCacheProperties properties) {
		return new CachedRegisteredClients(new JdbcRegisteredClientRepository(jdbc), properties);
	}

	/**
	 * Channel {@code registered_client_changed}: a trigger on the client table notifies
	 * it on every insert, update and delete, whoever makes them; the named client is
	 * evicted. While the listener is down the cache is bypassed, and on (re)connecting it
	 * starts over.
	 */
	@Bean
	ChannelListener registeredClientChanges(DataSource dataSource, CachedRegisteredClients clients,
			ClientCacheProperties properties) {
		return new ChannelListener(dataSource, "registered-client-changes", List.of(CHANNEL),
				new ChannelListener.Subscriber() {

					@Override
					public void notified(String channel, String clientId) {
						clients.evict(clientId);
					}

					@Override
					public void listening(boolean listening) {
						clients.listening(listening);
					}

				}, properties.reconnectDelay());
	}

}
