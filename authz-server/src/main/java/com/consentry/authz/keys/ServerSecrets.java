package com.consentry.authz.keys;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Symmetric secrets every instance must share (such as the DPoP nonce key), created once
 * by whichever instance asks first and kept in {@code authz.server_secret}.
 */
@Component
public class ServerSecrets {

	private static final int LENGTH = 32;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	public ServerSecrets(JdbcClient jdbc, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The secret of this name: 256 random bits, the same on every instance. */
	public byte[] secret(String name) {
		byte[] candidate = new byte[LENGTH];
		this.random.nextBytes(candidate);
		this.jdbc
			.sql("INSERT INTO authz.server_secret (name, secret, created_at) VALUES (?, ?, ?) "
					+ "ON CONFLICT (name) DO NOTHING")
			.params(name, candidate, Timestamp.from(this.clock.instant()))
			.update();
		return this.jdbc.sql("SELECT secret FROM authz.server_secret WHERE name = ?")
			.param(name)
			.query(byte[].class)
			.single();
	}

}
