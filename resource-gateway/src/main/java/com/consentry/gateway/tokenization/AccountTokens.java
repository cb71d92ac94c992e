package com.consentry.gateway.tokenization;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.consentry.gateway.GatewayProperties;
import com.consentry.gateway.fdx.FdxRefusal;
import com.consentry.gateway.grant.Grant;
import com.consentry.gateway.shaping.AccountNumberTokens;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account tokens partners are given instead of account numbers, and the vault
 * ({@code gateway.account_token}) that maps them back. A partner gets one live token per
 * consent and account: the first call creates it (one {@code INSERT ... ON CONFLICT DO
 * NOTHING}, so concurrent first calls on any instance agree on one row), later calls
 * recompute the same token from the row. The row holds no account number and only an HMAC
 * of the token. A token whose row was revoked (with its consent, by the bank) is never
 * given out again: the next call gets a new one.
 */
@Component
@EnableConfigurationProperties(TokenizationProperties.class)
public class AccountTokens implements AccountNumberTokens {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

	// a collision needs ~10^-n luck per attempt for an n-digit number; far more tries
	// than that mean something else is wrong
	private static final int MAX_ATTEMPTS = 32;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TokenScheme scheme;

	private final TokenFormat format;

	AccountTokens(JdbcClient jdbc, Clock clock, GatewayProperties gateway, TokenizationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.scheme = new TokenScheme(Base64.getDecoder().decode(gateway.secret()));
		this.format = properties.tokenFormat();
	}

	/**
	 * The partner's token for an account of the grant, in place of {@code accountNumber}.
	 * @throws FdxRefusal 503 {@code 501} when the vault cannot be reached
	 */
	@Override
	public String tokenFor(Grant grant, String accountId, String accountNumber) {
		try {
			Optional<Live> live = live(grant.clientId(), grant.consentId(), accountId);
			if (live.isPresent()) {
				String token = this.scheme.token(live.get().format(), grant.clientId(), grant.consentId(), accountId,
						accountNumber, live.get().attempt());
				if (live.get().format() == this.format
						&& MessageDigest.isEqual(this.scheme.digest(token), live.get().digest())) {
					return token;
				}
				// the bank changed the format, or the account its number: a new token
				revoke(live.get().id(), "reissued", "gateway");
			}
			return create(grant, accountId, accountNumber);
		}
		catch (DataAccessException ex) {
			throw FdxRefusal.unavailable("account_tokens_unavailable", RETRY_AFTER);
		}
	}

	private String create(Grant grant, String accountId, String accountNumber) {
		// past this partner's dead tokens for the account: their digests are taken for
		// good
		int first = this.jdbc.sql("""
				SELECT coalesce(max(attempt) + 1, 0) FROM gateway.account_token
				WHERE client_id = ? AND consent_id = ? AND account_id = ?""")
			.params(grant.clientId(), grant.consentId(), accountId)
			.query(Integer.class)
			.single();
		for (int attempt = first; attempt < first + MAX_ATTEMPTS; attempt++) {
			String token = this.scheme.token(this.format, grant.clientId(), grant.consentId(), accountId, accountNumber,
					attempt);
			boolean inserted = this.jdbc.sql("""
					INSERT INTO gateway.account_token (token_digest, attempt, format, client_id, consent_id,
					    account_id, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")
				.params(this.scheme.digest(token), attempt, this.format.value(), grant.clientId(), grant.consentId(),
						accountId, Timestamp.from(this.clock.instant()))
				.query(Long.class)
				.optional()
				.isPresent();
			if (inserted) {
				return token;
			}
			// another instance made the live token meanwhile (use theirs), or a dead
			// token holds this digest (try the next attempt)
			Optional<Live> live = live(grant.clientId(), grant.consentId(), accountId);
			if (live.isPresent() && live.get().format() == this.format) {
				return this.scheme.token(this.format, grant.clientId(), grant.consentId(), accountId, accountNumber,
						live.get().attempt());
			}
		}
		throw new IllegalStateException("No free account token after " + MAX_ATTEMPTS + " attempts");
	}

	private Optional<Live> live(String clientId, String consentId, String accountId) {
		return this.jdbc.sql("""
				SELECT id, attempt, format, token_digest FROM gateway.account_token
				WHERE client_id = ? AND consent_id = ? AND account_id = ? AND revoked_at IS NULL""")
			.params(clientId, consentId, accountId)
			.query((rs, row) -> new Live(rs.getLong("id"), rs.getInt("attempt"), TokenFormat.of(rs.getString("format")),
					rs.getBytes("token_digest")))
			.optional();
	}

	private void revoke(long id, String reason, String by) {
		this.jdbc
			.sql("UPDATE gateway.account_token SET revoked_at = ?, revoked_reason = ?, revoked_by = ? "
					+ "WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), reason, by, id)
			.update();
	}

	/** The vault's digest of a token, for looking it up. */
	byte[] digest(String token) {
		return this.scheme.digest(token);
	}

	private record Live(long id, int attempt, TokenFormat format, byte[] digest) {
	}

}
