package com.consentry.authz.admin.overview;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Access tokens issued per partner client and day (UTC), for the overview. The token
 * endpoint's authentication succeeding is the issuance (Spring Security announces it as
 * an {@link AuthenticationSuccessEvent} carrying the access token, for codes and
 * refreshes alike); each instance counts in memory, which costs the token endpoint one
 * map update, and adds its counts to {@code authz.token_issuance_daily} in batches, one
 * upsert per client and day, every {@code consentry.admin.token-count-interval}. A batch
 * that cannot be written is kept for the next; a crash loses at most one interval of
 * counts.
 */
@Component
public class TokenIssuanceCounts {

	private static final Logger logger = LoggerFactory.getLogger(TokenIssuanceCounts.class);

	private final Map<Key, Long> pending = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final Clock clock;

	TokenIssuanceCounts(JdbcClient jdbc, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void tokenIssued(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof OAuth2AccessTokenAuthenticationToken issued) {
			this.pending.merge(new Key(issued.getRegisteredClient().getClientId(), today()), 1L, Long::sum);
		}
	}

	/** Adds what this instance counted since the last time to the shared counts. */
	@Scheduled(fixedDelayString = "${consentry.admin.token-count-interval:10s}")
	public void flush() {
		for (Key key : List.copyOf(this.pending.keySet())) {
			Long issued = this.pending.remove(key);
			if (issued == null) {
				continue;
			}
			try {
				this.jdbc
					.sql("INSERT INTO authz.token_issuance_daily AS t (client_id, day, issued) VALUES (?, ?, ?) "
							+ "ON CONFLICT (client_id, day) DO UPDATE SET issued = t.issued + EXCLUDED.issued")
					.params(key.clientId(), Date.valueOf(key.day()), issued)
					.update();
			}
			catch (DataAccessException ex) {
				this.pending.merge(key, issued, Long::sum);
				logger.warn("Token issuance counts kept for the next batch: {}", ex.getMessage());
				return;
			}
		}
	}

	@PreDestroy
	void flushOnStop() {
		flush();
	}

	/**
	 * Tokens issued per client from {@code first} to {@code last} (UTC days, both
	 * included), most first.
	 */
	public List<ClientCount> perClient(LocalDate first, LocalDate last) {
		return this.jdbc
			.sql("SELECT client_id, sum(issued) AS issued FROM authz.token_issuance_daily WHERE day BETWEEN ? AND ? "
					+ "GROUP BY client_id ORDER BY issued DESC, client_id")
			.params(Date.valueOf(first), Date.valueOf(last))
			.query((rs, row) -> new ClientCount(rs.getString("client_id"), rs.getLong("issued")))
			.list();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * Tokens issued to one client.
	 *
	 * @param clientId the partner's client
	 * @param issued how many
	 */
	public record ClientCount(String clientId, long issued) {
	}

	private record Key(String clientId, LocalDate day) {
	}

}
