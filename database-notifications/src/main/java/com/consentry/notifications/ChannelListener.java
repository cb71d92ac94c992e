package com.consentry.notifications;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL channels for the changes other instances (or triggers) announce
 * with {@code NOTIFY}, and hands each to a {@link Subscriber}. It holds one connection of
 * its own, outside the request pool, so it never takes a connection from a request; it
 * checks that connection every second (a silent network failure ends it within seconds)
 * and reconnects after a pause. The subscriber hears when listening starts and stops:
 * what it cached while deaf cannot be trusted, so it starts over or stops trusting its
 * cache.
 */
public final class ChannelListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChannelListener.class);

	private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final int POLL_MILLIS = 250;

	private static final Duration HEARTBEAT = Duration.ofSeconds(1);

	private final HikariDataSource dataSource;

	private final String name;

	private final List<String> channels;

	private final Subscriber subscriber;

	private final Duration reconnectDelay;

	private volatile boolean running;

	private volatile @Nullable Thread listener;

	/**
	 * @param dataSource the pool whose settings (URL, user, password) the listener
	 * connects with
	 * @param name what the listener is for (its thread's name, its log lines)
	 * @param channels the channels to listen on
	 */
	public ChannelListener(DataSource dataSource, String name, List<String> channels, Subscriber subscriber,
			Duration reconnectDelay) {
		if (!(dataSource instanceof HikariDataSource hikari)) {
			throw new IllegalArgumentException(name + " listens through a Hikari pool's settings");
		}
		for (String channel : channels) {
			if (!CHANNEL_NAME.matcher(channel).matches()) {
				throw new IllegalArgumentException("Not a plain channel name: " + channel);
			}
		}
		this.dataSource = hikari;
		this.name = name;
		this.channels = List.copyOf(channels);
		this.subscriber = subscriber;
		this.reconnectDelay = reconnectDelay;
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::listen, this.name);
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
		this.subscriber.listening(false);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = DriverManager.getConnection(this.dataSource.getJdbcUrl(),
					connectionProperties())) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET statement_timeout TO 1000");
					for (String channel : this.channels) {
						statement.execute("LISTEN " + channel);
					}
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				this.subscriber.listening(true);
				logger.debug("{}: listening on {}", this.name, this.channels);
				long lastBeat = System.nanoTime();
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							this.subscriber.notified(notification.getName(), notification.getParameter());
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
				this.subscriber.listening(false);
				if (this.running) {
					logger.warn("{}: lost the change listener ({}); not trusting what is cached until it is back",
							this.name, ex.getMessage());
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
		properties.setProperty("connectTimeout", "2");
		properties.setProperty("socketTimeout", "3");
		properties.setProperty("ApplicationName", this.name);
		return properties;
	}

	private void pause() {
		try {
			Thread.sleep(this.reconnectDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/** What a listener reports to. */
	public interface Subscriber {

		/** A change was announced on {@code channel}. */
		void notified(String channel, String payload);

		/**
		 * Listening started ({@code true}) or stopped ({@code false}); changes announced
		 * meanwhile were missed.
		 */
		void listening(boolean listening);

	}

}
