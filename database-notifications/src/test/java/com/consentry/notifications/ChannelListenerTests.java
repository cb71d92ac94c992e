package com.consentry.notifications;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The listener against a real PostgreSQL: notifications arrive, a lost connection is
 * reported and replaced.
 */
@Tag("integration")
class ChannelListenerTests {

	private static EmbeddedPostgres postgres;

	private static HikariDataSource pool;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		pool = new HikariDataSource();
		pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		pool.setUsername("postgres");
	}

	@AfterAll
	static void stop() throws IOException {
		pool.close();
		postgres.close();
	}

	@Test
	@DisplayName("PostgreSQL NOTIFY: a change announced on a channel reaches the subscriber with its payload")
	void notificationsArrive() throws Exception {
		Recorder recorder = new Recorder();
		ChannelListener listener = new ChannelListener(pool, "test-changes", List.of("thing_changed"), recorder,
				Duration.ofMillis(100));
		listener.start();
		try {
			assertThat(recorder.states.poll(10, TimeUnit.SECONDS)).isTrue();
			execute("SELECT pg_notify('thing_changed', 'thing-1'); SELECT pg_notify('other_channel', 'x')");
			assertThat(recorder.notes.poll(5, TimeUnit.SECONDS)).isEqualTo("thing_changed:thing-1");
			assertThat(recorder.notes.poll(500, TimeUnit.MILLISECONDS)).isNull();
		}
		finally {
			listener.stop();
		}
	}

	@Test
	@DisplayName("A listener whose connection dies says so at once, and listens again on a new connection")
	void lostConnectionIsReported() throws Exception {
		Recorder recorder = new Recorder();
		ChannelListener listener = new ChannelListener(pool, "test-reconnect", List.of("thing_changed"), recorder,
				Duration.ofMillis(100));
		listener.start();
		try {
			assertThat(recorder.states.poll(10, TimeUnit.SECONDS)).isTrue();
			execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'test-reconnect'");
			assertThat(recorder.states.poll(5, TimeUnit.SECONDS)).isFalse();
			assertThat(recorder.states.poll(5, TimeUnit.SECONDS)).isTrue();
			execute("SELECT pg_notify('thing_changed', 'thing-2')");
			assertThat(recorder.notes.poll(5, TimeUnit.SECONDS)).isEqualTo("thing_changed:thing-2");
		}
		finally {
			listener.stop();
		}
	}

	@Test
	@DisplayName("Only plain channel names are accepted: they are written into LISTEN")
	void channelNamesArePlain() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ChannelListener(pool, "test",
				List.of("x; DROP TABLE y"), new Recorder(), Duration.ofSeconds(1)));
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static final class Recorder implements ChannelListener.Subscriber {

		final BlockingQueue<String> notes = new LinkedBlockingQueue<>();

		final BlockingQueue<Boolean> states = new LinkedBlockingQueue<>();

		@Override
		public void notified(String channel, String payload) {
			this.notes.add(channel + ":" + payload);
		}

		@Override
		public void listening(boolean listening) {
			this.states.add(listening);
		}

	}

}
