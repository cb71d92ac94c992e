package com.consentry.authz.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

/**
 * The bank's admins ({@code authz.bank_admin}): user name, display name, Argon2id
 * password hash, whether the account may be used, and the passkey enrolment window the
 * bank opened for it. A store of their own: no customer is an admin, no admin a customer.
 */
@Service
public class BankAdmins {

	private final JdbcClient jdbc;

	public BankAdmins(JdbcClient jdbc) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		this.jdbc = jdbc;
	}

	/**
	 * Stores an admin unless one of that name exists; true when it was stored. Atomic, so
	 * instances starting together never overwrite each other's row.
	 */
	public boolean saveIfAbsent(String username, String displayName, String passwordHash, Instant now) {
		return this.jdbc
			.sql("INSERT INTO authz.bank_admin (username, display_name, password_hash, created_at) "
					+ "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(username, displayName, passwordHash, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Lets the admin enrol a first passkey after a password sign-in until {@code until}:
	 * the bank's way of handing out a console account where passkeys are required. The
	 * first passkey stored closes the window.
	 */
	public void openPasskeyEnrolment(String username, Instant until) {
		int updated = this.jdbc.sql("UPDATE authz.bank_admin SET passkey_enrolment_until = ? WHERE username = ?")
			.params(Timestamp.from(until), username)
			.update();
		Assert.state(updated == 1, () -> "no bank admin " + username);
	}

	public boolean exists(String username) {
		return this.jdbc.sql("SELECT count(*) FROM authz.bank_admin WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<Admin> find(String username) {
		return this.jdbc
			.sql("SELECT username, display_name, password_hash, enabled, passkey_enrolment_until "
					+ "FROM authz.bank_admin WHERE username = ?")
			.param(username)
			.query((rs, row) -> {
				Timestamp until = rs.getTimestamp("passkey_enrolment_until");
				return new Admin(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
						rs.getBoolean("enabled"), (until != null) ? until.toInstant() : null);
			})
			.optional();
	}

	boolean isEnabled(String username) {
		return this.jdbc.sql("SELECT enabled FROM authz.bank_admin WHERE username = ?")
			.param(username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Whether the admin has at least one passkey. */
	public boolean hasPasskey(String username) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM authz.user_credentials c JOIN authz.user_entities e "
					+ "ON e.id = c.user_entity_user_id WHERE e.name = ?)")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A bank admin's record.
	 *
	 * @param username the sign-in name
	 * @param displayName the name the console shows
	 * @param passwordHash the Argon2id hash
	 * @param enabled whether the account may sign in
	 * @param passkeyEnrolmentUntil the end of the window for a first passkey, if open
	 */
	record Admin(String username, String displayName, String passwordHash, boolean enabled,
			@Nullable Instant passkeyEnrolmentUntil) {

		boolean mayEnrolFirstPasskeyAt(Instant now) {
			return this.passkeyEnrolmentUntil != null && this.passkeyEnrolmentUntil.isAfter(now);
		}

	}

}
