package com.consentry.authz.customer;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

/**
 * Customer sign-in records ({@code authz.customer_login}): login name, customer id and
 * Argon2id password hash. Checking a sign-in is {@link CustomerSignIn}'s job.
 */
@Service
public class CustomerLogins {

	private final JdbcClient jdbc;

	public CustomerLogins(JdbcClient jdbc) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		this.jdbc = jdbc;
	}

	/** Stores a login; used by the demo data and by administration. */
	public void save(String username, String customerId, String passwordHash) {
		this.jdbc
			.sql("INSERT INTO authz.customer_login (username, customer_id, password_hash) VALUES (?, ?, ?) "
					+ "ON CONFLICT (username) DO UPDATE SET customer_id = EXCLUDED.customer_id, "
					+ "password_hash = EXCLUDED.password_hash")
			.params(username, customerId, passwordHash)
			.update();
	}

	/**
	 * Stores a login unless one of that name exists; true when it was stored. Atomic, so
	 * instances starting together never overwrite each other's row.
	 */
	public boolean saveIfAbsent(String username, String customerId, String passwordHash) {
		return this.jdbc
			.sql("INSERT INTO authz.customer_login (username, customer_id, password_hash) VALUES (?, ?, ?) "
					+ "ON CONFLICT DO NOTHING")
			.params(username, customerId, passwordHash)
			.update() == 1;
	}

	/** Whether a customer with this id can sign in (a passkey needs its customer). */
	boolean hasCustomer(String customerId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM authz.customer_login WHERE customer_id = ?)")
			.param(customerId)
			.query(Boolean.class)
			.single();
	}

	Optional<StoredLogin> find(String username) {
		return this.jdbc.sql("SELECT customer_id, password_hash FROM authz.customer_login WHERE username = ?")
			.param(username)
			.query((rs, row) -> new StoredLogin(rs.getString("customer_id"), rs.getString("password_hash")))
			.optional();
	}

	record StoredLogin(String customerId, String passwordHash) {
	}

}
