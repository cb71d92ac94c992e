package com.consentry.authz.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Counts sign-in attempts in {@code authz.sign_in_throttle}, shared by every instance,
 * before any password is hashed. An attempt takes a ticket from three keys at once (the
 * user name from this client address, the user name from anywhere, the client address);
 * each key lets {@code free} attempts through and then backs off exponentially. Each
 * ticket is one atomic upsert that only succeeds when the key's wait is over, so parallel
 * attempts cannot slip past the count; the three run in one transaction that is rolled
 * back when any key refuses, so a refused attempt counts nowhere.
 * <p>
 * There is no lock a stranger can set: a stranger's failures hold back the stranger's own
 * address, and the per-name budget is large and only ever delays.
 */
@Component
public class SignInThrottle {

	// n: the key's attempts including this one; a key quiet for forgetAfter starts again
	// from 1
	private static final String ATTEMPTS = "(CASE WHEN t.last_attempt_at < :forgetBefore THEN 1 ELSE t.attempts + 1 END)";

	private static final String TAKE_TICKET = "INSERT INTO authz.sign_in_throttle AS t "
			+ "(throttle_key, attempts, next_attempt_at, last_attempt_at) " + "VALUES (:key, 1, "
			+ nextAttemptAfter("1") + ", :now) " + "ON CONFLICT (throttle_key) DO UPDATE SET attempts = " + ATTEMPTS
			+ ", " + "next_attempt_at = " + nextAttemptAfter(ATTEMPTS) + ", last_attempt_at = :now "
			+ "WHERE t.next_attempt_at <= :now OR t.last_attempt_at < :forgetBefore RETURNING t.attempts";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final LoginProperties properties;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, TransactionTemplate transactions, LoginProperties properties, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(transactions, "transactions cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts an attempt for {@code username} from {@code address}; false when one of its
	 * keys must wait.
	 */
	public boolean tryAttempt(String username, String address) {
		Instant now = this.clock.instant();
		List<Key> keys = List.of(new Key(nameFromAddress(username, address), this.properties.freeAttempts()),
				new Key(name(username), this.properties.freeAttemptsPerName()),
				new Key(address(address), this.properties.freeAttemptsPerAddress()));
		Boolean allowed = this.transactions.execute((status) -> {
			// always the same order of keys: two attempts never wait on each other's rows
			// crosswise
			for (Key key : keys) {
				if (!takeTicket(key, now)) {
					status.setRollbackOnly();
					return false;
				}
			}
			return true;
		});
		return Boolean.TRUE.equals(allowed);
	}

	/**
	 * After a successful sign-in: the user name's counts start again, and the address
	 * gets back the ticket this attempt took (only failures count against an address,
	 * which many customers may share).
	 */
	public void signedIn(String username, String address) {
		this.jdbc.sql("DELETE FROM authz.sign_in_throttle WHERE throttle_key IN (:pair, :name)")
			.param("pair", nameFromAddress(username, address))
			.param("name", name(username))
			.update();
		this.jdbc
			.sql("UPDATE authz.sign_in_throttle SET attempts = attempts - 1 WHERE throttle_key = ? AND attempts > 0")
			.param(address(address))
			.update();
	}

	@Scheduled(fixedDelayString = "${consentry.login.cleanup-interval:1h}")
	void forgetQuietKeys() {
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM authz.sign_in_throttle WHERE last_attempt_at < ? AND next_attempt_at < ?")
			.params(Timestamp.from(now.minus(this.properties.forgetAfter())), Timestamp.from(now))
			.update();
	}

	private boolean takeTicket(Key key, Instant now) {
		return this.jdbc.sql(TAKE_TICKET)
			.param("key", key.digest())
			.param("now", Timestamp.from(now))
			.param("forgetBefore", Timestamp.from(now.minus(this.properties.forgetAfter())))
			.param("free", key.free())
			.param("backOffMs", millis(this.properties.backOff()))
			.param("maxBackOffMs", millis(this.properties.maxBackOff()))
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	// when the attempt after the n-th may come: at once within the free budget
	// ('-infinity', so that parallel
	// attempts whose clocks were read a moment apart never hold each other up), then
	// after
	// backOff * 2^(n - free), at most maxBackOff
	private static String nextAttemptAfter(String attempts) {
		return "(CASE WHEN " + attempts + " < :free THEN '-infinity'::timestamptz ELSE CAST(:now AS timestamptz) + "
				+ "LEAST(:backOffMs * power(2, LEAST(" + attempts + " - :free, 30)), :maxBackOffMs) "
				+ "* interval '1 millisecond' END)";
	}

	private static long millis(Duration duration) {
		return duration.toMillis();
	}

	private static String nameFromAddress(String username, String address) {
		return digest("name-from-address", username, address);
	}

	private static String name(String username) {
		return digest("name", username);
	}

	private static String address(String address) {
		return digest("address", address);
	}

	private static String digest(String... parts) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				sha256.update(part.getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Key(String digest, int free) {
	}

}
