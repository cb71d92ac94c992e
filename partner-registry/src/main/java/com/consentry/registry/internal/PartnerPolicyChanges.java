package com.consentry.registry.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.consentry.registry.PartnerPolicies;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Listens on PostgreSQL channel {@code partner_policy_changed} (a trigger on
 * {@code registry.partner_policy} notifies it with the organisation on every change) and
 * drops that organisation's policy from this instance's cache. One connection of its own,
 * outside the request pool; while it is not connected the cache is bypassed.
 */
final class PartnerPolicyChanges implements SmartLifecycle {

	static final String CHANNEL = "partner_policy_changed";

	private static final Logger logger = LoggerFactory.getLogger(PartnerPolicyChanges.class);

	private static final int POLL_MILLIS = 500;

	private static final long RECONNECT_MILLIS = 2_000;

	private final HikariDataSource dataSource;

	private final PartnerPolicies policies;

	private volatile boolean running;

	private volatile Thread listener;

	PartnerPolicyChanges(DataSource dataSource, PartnerPolicies policies) {
		Assert.isInstanceOf(HikariDataSource.class, dataSource,
				"the policy cache listens through a Hikari pool's settings");
		Assert.notNull(policies, "policies cannot be null");
		this.dataSource = (HikariDataSource) dataSource;
		this.policies = policies;
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::listen, "partner-policy-changes");
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
		this.policies.listening(false);
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
				this.policies.listening(true);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							this.policies.evict(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				this.policies.listening(false);
				if (this.running) {
					logger.warn("Lost the partner policy change listener ({}); reading policies from the database "
							+ "until it is back", ex.getMessage());
					pause();
				}
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(RECONNECT_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
