package com.consentry.authz.authorization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * One token of an authorization as the store keeps it: its digest, its times, whether it
 * was invalidated and, for JWTs, their claims.
 */
record StoredToken(byte[] digest, @Nullable Instant issuedAt, @Nullable Instant expiresAt, boolean invalidated,
		@Nullable Map<String, Object> claims) {

	static @Nullable StoredToken of(OAuth2Authorization.@Nullable Token<? extends OAuth2Token> token) {
		if (token == null) {
			return null;
		}
		return new StoredToken(TokenDigest.of(token.getToken().getTokenValue()), token.getToken().getIssuedAt(),
				token.getToken().getExpiresAt(), token.isInvalidated(), token.getClaims());
	}

	/**
	 * Reads the token whose columns start with {@code prefix}, or null when the row has
	 * none.
	 * @param invalidatable whether the token has an {@code _invalidated} column (ID
	 * tokens do not)
	 * @param withClaims whether the token has a {@code _claims} column (JWTs)
	 */
	static @Nullable StoredToken read(ResultSet rs, String prefix, boolean invalidatable, boolean withClaims)
			throws SQLException {
		byte[] digest = rs.getBytes(prefix + "_hash");
		if (digest == null) {
			return null;
		}
		String claims = withClaims ? rs.getString(prefix + "_claims") : null;
		return new StoredToken(digest, instant(rs.getTimestamp(prefix + "_issued_at")),
				instant(rs.getTimestamp(prefix + "_expires_at")),
				invalidatable && rs.getBoolean(prefix + "_invalidated"),
				(claims != null) ? ClaimsJson.claims(claims) : null);
	}

	/**
	 * The value to rebuild the token with: the presented value when this is the token
	 * presented.
	 */
	String value(byte[] presentedDigest, @Nullable String presentedValue) {
		return (presentedValue != null && TokenDigest.same(this.digest, presentedDigest)) ? presentedValue
				: TokenDigest.reference(this.digest);
	}

	boolean sameAs(@Nullable StoredToken other) {
		return other != null && TokenDigest.same(this.digest, other.digest);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
