package com.consentry.authz.admin.partners;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.consentry.consent.CustomerAccounts;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The account tokens the resource gateway gave a partner's applications
 * ({@code gateway.account_token}, the gateway's vault): which account (by masked number,
 * from the bank's records), under which consent, since when, and whether the token is
 * still live. A token is live while its row is not revoked and its consent is ACTIVE and
 * unexpired, as the gateway decides at detokenization. The gateway migrates schema
 * {@code gateway}: until a gateway has run on this database there are none.
 */
@Component
class PartnerAccountTokens {

	static final int SHOWN = 100;

	private final JdbcClient jdbc;

	private final CustomerAccounts accounts;

	private final Clock clock;

	PartnerAccountTokens(JdbcClient jdbc, CustomerAccounts accounts, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The latest {@value #SHOWN} tokens of these applications, newest first. */
	List<ShownToken> of(List<String> clientIds) {
		if (clientIds.isEmpty() || !vaultExists()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		List<Row> rows = this.jdbc.sql("""
				SELECT t.id, t.client_id, t.consent_id, t.account_id, t.created_at, t.revoked_at, t.revoked_reason,
				       c.status, c.expires_at, c.customer_id
				FROM gateway.account_token t LEFT JOIN consent.consent c ON c.id = t.consent_id
				WHERE t.client_id = ANY (:clients) ORDER BY t.created_at DESC, t.id DESC LIMIT :shown""")
			.param("clients", clientIds.toArray(String[]::new))
			.param("shown", SHOWN)
			.query((rs, row) -> new Row(rs.getLong("id"), rs.getString("client_id"), rs.getString("consent_id"),
					rs.getString("account_id"), rs.getTimestamp("created_at").toInstant(),
					instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_reason"), rs.getString("status"),
					instant(rs.getTimestamp("expires_at")), rs.getString("customer_id")))
			.list();
		// one lookup per customer, not per token
		Map<String, Map<String, String>> masked = new HashMap<>();
		return rows.stream().map((row) -> {
			String account = Optional.ofNullable(row.customerId())
				.map((customer) -> masked.computeIfAbsent(customer, this::maskedAccounts).get(row.accountId()))
				.orElse(row.accountId());
			return new ShownToken(row.id(), row.clientId(), row.consentId(), account, row.createdAt(), status(row, now),
					row.revokedReason() == null);
		}).toList();
	}

	/** The token {@code id} if it belongs to one of these applications. */
	Optional<Owned> find(long id, List<String> clientIds) {
		if (clientIds.isEmpty() || !vaultExists()) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT id, client_id, consent_id, account_id, revoked_at FROM gateway.account_token "
					+ "WHERE id = :id AND client_id = ANY (:clients)")
			.param("id", id)
			.param("clients", clientIds.toArray(String[]::new))
			.query((rs, row) -> new Owned(rs.getLong("id"), rs.getString("client_id"), rs.getString("consent_id"),
					rs.getString("account_id"), rs.getTimestamp("revoked_at") != null))
			.optional();
	}

	/**
	 * Revokes the token for good, unless it is revoked already.
	 * @return whether this call revoked it
	 */
	boolean revoke(long id, String actor) {
		return this.jdbc
			.sql("UPDATE gateway.account_token SET revoked_at = :now, revoked_reason = 'revoked', revoked_by = :actor "
					+ "WHERE id = :id AND revoked_at IS NULL")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("actor", actor)
			.param("id", id)
			.update() == 1;
	}

	private boolean vaultExists() {
		return this.jdbc.sql("SELECT to_regclass('gateway.account_token') IS NOT NULL").query(Boolean.class).single();
	}

	private Map<String, String> maskedAccounts(String customerId) {
		Map<String, String> out = new HashMap<>();
		for (CustomerAccounts.AccountSummary account : this.accounts.accountsOf(customerId)) {
			out.put(account.accountId(), account.accountNumberDisplay());
		}
		return out;
	}

	private static String status(Row row, Instant now) {
		if (row.revokedReason() != null) {
			return switch (row.revokedReason()) {
				case "revoked" -> "REVOKED by the bank";
				case "consent_revoked" -> "ENDED with its consent (revoked)";
				case "consent_expired" -> "ENDED with its consent (expired)";
				default -> "REPLACED (" + row.revokedReason() + ")";
			};
		}
		if ("REVOKED".equals(row.consentStatus())) {
			return "ENDED with its consent (revoked)";
		}
		if ("EXPIRED".equals(row.consentStatus()) || (row.expiresAt() != null && !now.isBefore(row.expiresAt()))) {
			return "ENDED with its consent (expired)";
		}
		return live(row, now) ? "LIVE" : "REFUSED while the consent is " + row.consentStatus();
	}

	private static boolean live(Row row, Instant now) {
		return "ACTIVE".equals(row.consentStatus()) && row.expiresAt() != null && now.isBefore(row.expiresAt());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * One token as the partner page lists it (never the token itself).
	 *
	 * @param id its row in the vault
	 * @param clientId the application it was given to
	 * @param consentId the consent it was issued under
	 * @param account the account by masked number (its id when the bank no longer lists
	 * it)
	 * @param createdAt when the gateway issued it
	 * @param status {@code LIVE}, or why not
	 * @param revocable whether the bank can still revoke it
	 */
	record ShownToken(long id, String clientId, String consentId, String account, Instant createdAt, String status,
			boolean revocable) {
	}

	/** A token of the partner's, as the revocation needs it. */
	record Owned(long id, String clientId, String consentId, String accountId, boolean revoked) {
	}

	private record Row(long id, String clientId, String consentId, String accountId, Instant createdAt,
			@Nullable Instant revokedAt, @Nullable String revokedReason, @Nullable String consentStatus,
			@Nullable Instant expiresAt, @Nullable String customerId) {
	}

}
