package com.consentry.gateway.tokenization;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;
import com.consentry.gateway.GatewayProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Maps a token back to the real account number when a payment arrives with it: only for a
 * live token (its row not revoked, its consent ACTIVE and unexpired, its partner ACTIVE).
 * The number comes from the bank's core, by the account id the vault holds; the vault
 * never held it. Every attempt, answered or refused, is one audit record
 * ({@code account_token.detokenized}) naming the token's row, partner, consent and
 * account id, never the number or the token.
 */
@Component
class Detokenization {

	static final String CUSTOMER_HEADER = "x-consentry-customer-id";

	// what a token of either format can look like: no partner-made input reaches the
	// database or the log unchecked
	private static final Pattern TOKEN = Pattern.compile("[0-9A-Za-z_\\- .]{1,64}");

	private final JdbcClient jdbc;

	private final AccountTokens tokens;

	private final AuditTrail audit;

	private final Clock clock;

	private final RestClient core;

	Detokenization(JdbcClient jdbc, AccountTokens tokens, AuditTrail audit, Clock clock, GatewayProperties gateway,
			RestClient.Builder clients) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
		this.core = clients.clone().baseUrl(gateway.coreBankingUrl().toString()).build();
	}

	/** A caller without a known credential: refused, and recorded. */
	Result unauthenticated() {
		Result result = Result.refused(Outcome.UNAUTHENTICATED);
		this.audit.record(AuditEvent.of(VaultEvents.DETOKENIZED, Actor.anonymous(), null, result.outcome().value()));
		return result;
	}

	/**
	 * The answer for {@code token}, recorded in the audit trail.
	 * @param requester the configured name of the payment system asking
	 */
	Result resolve(@Nullable String token, String requester) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			// recorded like every other lookup, without what was sent
			return record(null, Result.refused(Outcome.INVALID), requester);
		}
		Optional<Row> found;
		try {
			found = this.jdbc.sql("""
					SELECT t.id, t.client_id, t.consent_id, t.account_id, t.revoked_reason,
					       c.status, c.expires_at, c.customer_id, p.status AS partner_status
					FROM gateway.account_token t
					LEFT JOIN consent.consent c ON c.id = t.consent_id
					LEFT JOIN registry.partner p ON p.client_id = t.client_id
					WHERE t.token_digest = ?""")
				.param(this.tokens.digest(token))
				.query((rs, row) -> new Row(rs.getLong("id"), rs.getString("client_id"), rs.getString("consent_id"),
						rs.getString("account_id"), rs.getString("revoked_reason"), rs.getString("status"),
						instant(rs.getTimestamp("expires_at")), rs.getString("customer_id"),
						rs.getString("partner_status")))
				.optional();
		}
		catch (DataAccessException ex) {
			return record(null, Result.refused(Outcome.UNAVAILABLE), requester);
		}
		if (found.isEmpty()) {
			return record(null, Result.refused(Outcome.UNKNOWN), requester);
		}
		Row row = found.get();
		Instant now = this.clock.instant();
		if (row.revokedReason() != null) {
			return record(row, Result.dead(row.revokedReason()), requester);
		}
		if ("REVOKED".equals(row.consentStatus()) || "EXPIRED".equals(row.consentStatus())
				|| (row.expiresAt() != null && !now.isBefore(row.expiresAt()))) {
			// the notification has not reached the vault yet: the consent decides
			return record(row,
					Result.dead("consent_" + (("REVOKED".equals(row.consentStatus())) ? "revoked" : "expired")),
					requester);
		}
		if (!"ACTIVE".equals(row.consentStatus()) || row.customerId() == null) {
			return record(row, Result.refused(Outcome.CONSENT_INACTIVE), requester);
		}
		if (!"ACTIVE".equals(row.partnerStatus())) {
			return record(row, Result.refused(Outcome.PARTNER_INACTIVE), requester);
		}
		String number;
		try {
			JsonNode account = this.core.get()
				.uri("/fdx/v6/accounts/{accountId}", row.accountId())
				.header(CUSTOMER_HEADER, row.customerId())
				.header("x-fapi-interaction-id", UUID.randomUUID().toString())
				.retrieve()
				.body(JsonNode.class);
			JsonNode value = (account != null) ? account.get("accountNumber") : null;
			number = (value != null && value.isString()) ? value.asString() : null;
		}
		catch (RestClientException ex) {
			number = null;
		}
		if (number == null) {
			return record(row, Result.refused(Outcome.UNAVAILABLE), requester);
		}
		return record(row, Result.live(row.accountId(), number, row.consentId(), row.clientId()), requester);
	}

	private Result record(@Nullable Row row, Result result, String requester) {
		Map<String, String> details = new HashMap<>();
		if (result.reason() != null) {
			details.put("reason", result.reason());
		}
		if (row != null) {
			details.put("partner", row.clientId());
			details.put("account", row.accountId());
		}
		this.audit.record(AuditEvent
			.of(VaultEvents.DETOKENIZED, Actor.system("payment-intake:" + requester),
					(row != null) ? VaultEvents.subject(row.id()) : null,
					(result.outcome() == Outcome.LIVE) ? "success" : result.outcome().value())
			.withConsent((row != null) ? row.consentId() : null)
			.withDetails(details));
		return result;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** How a lookup ended. */
	enum Outcome {

		LIVE("live", 200), UNAUTHENTICATED("invalid_client", 401), INVALID("invalid_request", 400),
		UNKNOWN("unknown_token", 404), DEAD("token_revoked", 410), CONSENT_INACTIVE("consent_inactive", 409),
		PARTNER_INACTIVE("partner_inactive", 409), UNAVAILABLE("temporarily_unavailable", 503);

		private final String value;

		private final int status;

		Outcome(String value, int status) {
			this.value = value;
			this.status = status;
		}

		String value() {
			return this.value;
		}

		int status() {
			return this.status;
		}

	}

	/**
	 * The answer to one lookup.
	 *
	 * @param outcome how it ended
	 * @param reason why a dead token died ({@code revoked}, {@code consent_revoked}, ...)
	 * @param accountId the account, for a live token
	 * @param accountNumber its real number, for a live token
	 * @param consentId the consent it was issued under, for a live token
	 * @param clientId the partner it was issued to, for a live token
	 */
	record Result(Outcome outcome, @Nullable String reason, @Nullable String accountId, @Nullable String accountNumber,
			@Nullable String consentId, @Nullable String clientId) {

		static Result live(String accountId, String accountNumber, String consentId, String clientId) {
			return new Result(Outcome.LIVE, null, accountId, accountNumber, consentId, clientId);
		}

		static Result dead(String reason) {
			return new Result(Outcome.DEAD, reason, null, null, null, null);
		}

		static Result refused(Outcome outcome) {
			return new Result(outcome, null, null, null, null, null);
		}

	}

	private record Row(long id, String clientId, String consentId, String accountId, @Nullable String revokedReason,
			@Nullable String consentStatus, @Nullable Instant expiresAt, @Nullable String customerId,
			@Nullable String partnerStatus) {
	}

}
