package com.consentry.authz.authorization;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/**
 * Spring Authorization Server's authorizations in {@code authz.authorization}, built for
 * the hot paths:
 * <ul>
 * <li>every lookup is one indexed query by the SHA-256 of the presented value; no secret
 * is stored in clear;</li>
 * <li>every save is one statement, and a request never holds two pooled connections: the
 * row is read and its connection released before the (cached) registered client is
 * resolved;</li>
 * <li>single use is decided by the database: a save that adds a code or tokens succeeds
 * only if the row is still the version that was read. Of several requests redeeming one
 * code at once, exactly one gets tokens; the others get {@code invalid_grant} and revoke
 * what the code issued (RFC 6749 §4.1.2, FAPI 2.0 SP §5.3.2.2). Of several requests
 * refreshing with one refresh token, exactly one gets the next token. A
 * {@code request_uri} or consent-page state is used up by deleting its row, which
 * succeeds only once.</li>
 * </ul>
 */
@Repository
public class AuthorizationStore implements OAuth2AuthorizationService {

	private static final Logger logger = LoggerFactory.getLogger(AuthorizationStore.class);

	private static final List<String> WRITTEN = AuthorizationRow.COLUMNS_WRITTEN;

	private static final String INSERT = "INSERT INTO authz.authorization (version, " + String.join(", ", WRITTEN)
			+ ") VALUES (1, " + WRITTEN.stream().map((column) -> ":" + column).collect(Collectors.joining(", ")) + ")";

	/** A write that adds a code or tokens: only on top of the version that was read. */
	private static final String UPDATE_IF_UNCHANGED = "UPDATE authz.authorization SET version = version + 1, "
			+ WRITTEN.stream()
				.filter((column) -> !"id".equals(column) && !"revoked_at".equals(column))
				.map((column) -> column + " = :" + column)
				.collect(Collectors.joining(", "))
			+ ", revoked_at = COALESCE(revoked_at, :revoked_at) WHERE id = :id AND version = :version";

	/**
	 * A write that only invalidates: applied whatever happened since the read, and only
	 * ever adds invalidation (a token invalidated stays so; a revoked grant stays
	 * revoked).
	 */
	private static final String INVALIDATE = "UPDATE authz.authorization SET version = version + 1, "
			+ "code_invalidated = code_invalidated OR :code_invalidated, "
			+ "access_token_invalidated = access_token_invalidated "
			+ "OR COALESCE(:access_token_invalidated AND access_token_hash = :access_token_hash, false), "
			+ "refresh_token_invalidated = refresh_token_invalidated "
			+ "OR COALESCE(:refresh_token_invalidated AND refresh_token_hash = :refresh_token_hash, false), "
			+ "revoked_at = COALESCE(revoked_at, :revoked_at) WHERE id = :id";

	private static final String SELECT = "SELECT " + AuthorizationRow.COLUMNS + " FROM authz.authorization WHERE ";

	private final JdbcClient jdbc;

	private final RegisteredClientRepository clients;

	private final AuthorizationProperties properties;

	private final Clock clock;

	public AuthorizationStore(JdbcClient jdbc, RegisteredClientRepository clients, AuthorizationProperties properties,
			Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(clients, "clients cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.clients = clients;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Assert.notNull(authorization, "authorization cannot be null");
		Instant now = this.clock.instant();
		AuthorizationRow row = AuthorizationRow.of(authorization, now, this.properties.pendingLifetime());
		StoredVersion loaded = authorization.getAttribute(StoredVersion.ATTRIBUTE);
		Map<String, SqlParameterValue> columns = row.columns();
		columns.put("revoked_at", AuthorizationRow.time(row.revokesGrant() ? now : null));
		if (loaded == null) {
			this.jdbc.sql(INSERT).params(columns).update();
			return;
		}
		if (!row.mintsTokensSince(loaded)) {
			this.jdbc.sql(INVALIDATE).params(columns).update();
			return;
		}
		if (this.jdbc.sql(UPDATE_IF_UNCHANGED).params(columns).update() == 1) {
			return;
		}
		throw usedConcurrently(row, loaded, now);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		Assert.notNull(authorization, "authorization cannot be null");
		int removed = this.jdbc.sql("DELETE FROM authz.authorization WHERE id = ?")
			.param(authorization.getId())
			.update();
		if (removed == 0 && authorization.getAttribute(OAuth2ParameterNames.STATE) != null) {
			// Another request used this request_uri (or consent-page state) between our
			// read and now
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "the request_uri was already used", null));
		}
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		Assert.hasText(id, "id cannot be empty");
		return this.jdbc.sql(SELECT + "id = ?")
			.param(id)
			.query(AuthorizationRow.MAPPER)
			.optional()
			.map((row) -> toAuthorization(row, new byte[0], null))
			.orElse(null);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		Assert.hasText(token, "token cannot be empty");
		String where = where(tokenType);
		if (where == null) {
			return null;
		}
		byte[] digest = TokenDigest.ofPresented(token);
		// Read, map and release the connection first: resolving the client must not need
		// a second one
		AuthorizationRow row = this.jdbc.sql(SELECT + where)
			.param("digest", new SqlParameterValue(Types.BINARY, digest))
			.query(AuthorizationRow.MAPPER)
			.optional()
			.orElse(null);
		return (row != null) ? toAuthorization(row, digest, token) : null;
	}

	/**
	 * Revokes every grant issued under an FDX consent: its codes, access and refresh
	 * tokens stop working. Sticky (an earlier revocation time is kept) and
	 * version-bumping, so a refresh racing with it, based on the row as it was, is
	 * refused.
	 * @return how many authorizations were revoked
	 */
	public int revokeAllOfConsent(String consentId, Instant revokedAt) {
		Assert.hasText(consentId, "consentId cannot be empty");
		return this.jdbc
			.sql("UPDATE authz.authorization SET version = version + 1, "
					+ "revoked_at = COALESCE(revoked_at, :revokedAt) WHERE consent_id = :consentId")
			.param("revokedAt", AuthorizationRow.time(revokedAt))
			.param("consentId", consentId)
			.update();
	}

	private @Nullable OAuth2Authorization toAuthorization(AuthorizationRow row, byte[] digest, @Nullable String token) {
		RegisteredClient client = this.clients.findById(row.registeredClientId());
		// A client removed from the registry takes its authorizations with it
		return (client != null) ? row.toAuthorization(client, digest, token) : null;
	}

	private OAuth2AuthenticationException usedConcurrently(AuthorizationRow row, StoredVersion loaded, Instant now) {
		if (!loaded.codeUsed() && row.code() != null && row.code().invalidated() && row.accessToken() != null) {
			// Two redemptions of one code raced and this one lost: revoke what the winner
			// was issued
			this.jdbc.sql("UPDATE authz.authorization SET revoked_at = COALESCE(revoked_at, :now) WHERE id = :id")
				.param("now", AuthorizationRow.time(now))
				.param("id", row.id())
				.update();
			logger.warn("Authorization code of client {} redeemed twice at once; its tokens are revoked",
					row.registeredClientId());
			return new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "the authorization code was already used", null));
		}
		if (row.accessToken() != null) {
			return new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "the refresh token was already used", null));
		}
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
				"the authorization request was already answered", null));
	}

	private static @Nullable String where(@Nullable OAuth2TokenType tokenType) {
		if (tokenType == null) {
			// RFC 7662 and RFC 7009 callers need not say which kind of token they hold
			return "access_token_hash = :digest OR refresh_token_hash = :digest";
		}
		return switch (tokenType.getValue()) {
			case OAuth2ParameterNames.STATE -> "state_hash = :digest";
			case OAuth2ParameterNames.CODE -> "code_hash = :digest";
			case OAuth2ParameterNames.ACCESS_TOKEN -> "access_token_hash = :digest";
			case OAuth2ParameterNames.REFRESH_TOKEN -> "refresh_token_hash = :digest";
			default -> null;
		};
	}

}
