package com.consentry.gateway.grant;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Listens on the channels through which the platform announces changes to what a token
 * may do, and drops what {@link Grants} kept about it: {@code access_token_revoked} (the
 * authorization server: a token revoked or replaced), {@code consent_changed} (the
 * consent service: revoked, expired, suspended) and {@code partner_changed} (the
 * registry: a partner suspended, revoked or deleted) and {@code partner_policy_changed}
 * (a new rate-limit tier). It holds one connection of its own, outside the request pool,
 * and checks it every second, so a dead connection is noticed within
 * {@code consentry.gateway.grants.stale-after} and {@link Grants} stops trusting what it
 * kept.
 */
@Component
class GrantChanges implements SmartLifecycle {

	static final String TOKEN_CHANNEL = "access_token_revoked";

	static final String CONSENT_CHANNEL = "consent_changed";

	static final String PARTNER_CHANNEL = "partner_changed";

	static final String POLICY_CHANNEL = "partner_policy_changed";

	private static final Logger logger = LoggerFactory.getLogger(GrantChanges.class);

	private static final int POLL_MILLIS = 250;

	private static final Duration HEARTBEAT = Duration.ofSeconds(1);

	private static final Duration RECONNECT_DELAY = Duration.ofMillis(500);

	private final HikariDataSource dataSource;

	private final Grants grants;

	private volatile boolean running;

	private volatile Thread listener;

	GrantChanges(DataSource dataSource, Grants grants) {
		if (!(dataSource instanceof HikariDataSource hikari)) {
			throw new IllegalStateException("The grant change listener connects with a Hikari pool's settings");
		}
		this.dataSource = hikari;
		this.grants = grants;
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::listen, "grant-changes");
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
		this.grants.listening(false);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Scheduled(fixedDelay = 60_000)
	void pruneChangeMarks() {
		this.grants.pruneChangeMarks();
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = DriverManager.getConnection(this.dataSource.getJdbcUrl(),
					connectionProperties())) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET statement_timeout TO 1000");
					statement.execute("LISTEN " + TOKEN_CHANNEL);
					statement.execute("LISTEN " + CONSENT_CHANNEL);
					statement.execute("LISTEN " + PARTNER_CHANNEL);
					statement.execute("LISTEN " + POLICY_CHANNEL);
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				this.grants.listening(true);
				logger.debug("Listening for token, consent and partner changes");
				long lastBeat = System.nanoTime();
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							apply(notification);
						}
					}
					if (System.nanoTime() - lastBeat > HEARTBEAT.toNanos()) {
						try (Statement statement = connection.createStatement()) {
							statement.execute("SELECT 1");
						}
						lastBeat = System.nanoTime();
					}
				}
			}
			catch (SQLException ex) {
				this.grants.listening(false);
				if (this.running) {
					logger.warn("Lost the grant change listener ({}); reading grant state from the database until "
							+ "it is back", ex.getMessage());
					pause();
				}
			}
		}
	}

	private Properties connectionProperties() {
		Properties properties = new Properties();
		if (this.dataSource.getUsername() != null) {
			properties.setProperty("user", this.dataSource.getUsername());
		}
		if (this.dataSource.getPassword() != null) {
			properties.setProperty("password", this.dataSource.getPassword());
		}
		// a silent network failure must end the listener too, not leave it waiting
		properties.setProperty("connectTimeout", "2");
		properties.setProperty("socketTimeout", "3");
		return properties;
	}

	private void apply(PGNotification notification) {
		String payload = notification.getParameter();
		switch (notification.getName()) {
			case TOKEN_CHANNEL -> this.grants.tokenRevoked(payload);
			case CONSENT_CHANNEL -> this.grants.consentChanged(payload);
			case PARTNER_CHANNEL -> this.grants.partnerChanged(payload);
			case POLICY_CHANNEL -> this.grants.policyChanged();
			default -> logger.debug("Ignoring notification on {}", notification.getName());
		}
	}

	private void pause() {
		try {
			Thread.sleep(RECONNECT_DELAY.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
