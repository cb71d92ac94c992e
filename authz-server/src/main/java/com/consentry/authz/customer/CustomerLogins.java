package com.consentry.authz.customer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

/**
 * Customer sign-in records ({@code authz.customer_login}). The authenticated principal's name is the
 * customer id, so tokens' {@code sub} and consents name the customer, not the login name.
 * <p>
 * Failed attempts are counted per login name in the database (shared by every instance); after
 * {@code maxFailures} in a row the login is locked for {@code lockout}, and Spring Security answers
 * {@code LockedException} even for the right password.
 */
@Service
public class CustomerLogins implements UserDetailsService {

	private static final int MAX_USERNAME_LENGTH = 100;

	private final JdbcClient jdbc;

	private final LoginProperties properties;

	private final Clock clock;

	public CustomerLogins(JdbcClient jdbc, LoginProperties properties, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (username.length() > MAX_USERNAME_LENGTH) {
			throw new UsernameNotFoundException("unknown customer");
		}
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("SELECT customer_id, password_hash, locked_until FROM authz.customer_login WHERE username = ?")
			.param(username)
			.query((rs, row) -> {
				Timestamp lockedUntil = rs.getTimestamp("locked_until");
				return User.withUsername(rs.getString("customer_id"))
					.password(rs.getString("password_hash"))
					.accountLocked(lockedUntil != null && lockedUntil.toInstant().isAfter(now))
					.authorities("ROLE_CUSTOMER")
					.build();
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("unknown customer"));
	}

	/** Stores a login; used by the demo data and by administration. */
	public void save(String username, String customerId, String passwordHash) {
		this.jdbc
			.sql("INSERT INTO authz.customer_login (username, customer_id, password_hash) VALUES (?, ?, ?) "
					+ "ON CONFLICT (username) DO UPDATE SET customer_id = EXCLUDED.customer_id, "
					+ "password_hash = EXCLUDED.password_hash, failed_attempts = 0, locked_until = NULL")
			.params(username, customerId, passwordHash)
			.update();
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)) {
			return;
		}
		Instant now = this.clock.instant();
		// A lock that has run out starts a new count: one more slip must not lock again at once.
		this.jdbc
			.sql("UPDATE authz.customer_login SET "
					+ "failed_attempts = CASE WHEN locked_until <= :now THEN 1 ELSE failed_attempts + 1 END, "
					+ "locked_until = CASE WHEN locked_until <= :now AND 1 >= :max THEN :until "
					+ "WHEN locked_until <= :now THEN NULL "
					+ "WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END WHERE username = :username")
			.param("now", Timestamp.from(now))
			.param("max", this.properties.maxFailures())
			.param("until", Timestamp.from(now.plus(this.properties.lockout())))
			.param("username", attempt.getName())
			.update();
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
			this.jdbc
				.sql("UPDATE authz.customer_login SET failed_attempts = 0, locked_until = NULL "
						+ "WHERE customer_id = ? AND (failed_attempts > 0 OR locked_until IS NOT NULL)")
				.param(signedIn.getName())
				.update();
		}
	}

}
