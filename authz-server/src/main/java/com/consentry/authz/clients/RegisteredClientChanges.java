package com.consentry.authz.clients;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Listens on PostgreSQL channel {@code registered_client_changed} (a trigger on the
 * client table notifies it on every insert, update and delete, whoever makes them) and
 * evicts the named client from this instance's cache. It holds one connection of its own,
 * outside the request pool, so it never takes a connection from a request. While it is
 * not connected the cache is bypassed, and on (re)connecting the cache starts over:
 * nothing that changed meanwhile can be served stale.
 */
final class RegisteredClientChanges implements SmartLifecycle {

	static final String CHANNEL = "registered_client_changed";

	private static final Logger logger = LoggerFactory.getLogger(RegisteredClientChanges.class);

	private static final int POLL_MILLIS = 500;

	private final HikariDataSource dataSource;

	private final CachedRegisteredClients cache;

	private final ClientCacheProperties properties;

	private volatile boolean running;

	private volatile Thread listener;

	RegisteredClientChanges(DataSource dataSource, CachedRegisteredClients cache, ClientCacheProperties properties) {
		Assert.isInstanceOf(HikariDataSource.class, dataSource,
				"the client cache listens through a Hikari pool's settings");
		Assert.notNull(cache, "cache cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		this.dataSource = (HikariDataSource) dataSource;
		this.cache = cache;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::listen, "registered-client-changes");
		thread.setDaemon(true);
		this.listener = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(POLL_MILLIS * 4L);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.cache.listening(false);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = DriverManager.getConnection(this.dataSource.getJdbcUrl(),
					this.dataSource.getUsername(), this.dataSource.getPassword())) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				this.cache.listening(true);
				logger.debug("Listening for registered client changes");
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							this.cache.evict(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				this.cache.listening(false);
				if (this.running) {
					logger.warn("Lost the registered client change listener ({}); reading clients from the database "
							+ "until it is back", ex.getMessage());
					pause();
				}
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.properties.reconnectDelay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
