package com.consentry.authz.authorization;

import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.consentry.authz.par.ParameterNames;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.util.StringUtils;

/**
 * An authorization as one row of {@code authz.authorization}: plain columns, secrets as
 * digests. Converts from Spring Authorization Server's {@link OAuth2Authorization} (to
 * save) and back (once the row was read and its connection released).
 */
record AuthorizationRow(String id, long version, String registeredClientId, String principalName, String grantType,
		Set<String> authorizedScopes, @Nullable String consentId, @Nullable OAuth2AuthorizationRequest request,
		byte @Nullable [] stateDigest, boolean customerPrincipal, @Nullable StoredToken code,
		@Nullable StoredToken accessToken, OAuth2AccessToken.@Nullable TokenType accessTokenType,
		Set<String> accessTokenScopes, @Nullable StoredToken refreshToken, @Nullable StoredToken idToken,
		@Nullable Instant revokedAt, Instant expiresAt) {

	/**
	 * Spring Authorization Server's attributes this store knows how to keep. Any other
	 * would be lost on the next read, so it is refused at once (an upgrade that adds one
	 * fails its tests, not its partners).
	 */
	private static final Set<String> KEPT_ATTRIBUTES = Set.of(OAuth2AuthorizationRequest.class.getName(),
			Principal.class.getName(), OAuth2ParameterNames.STATE, StoredVersion.ATTRIBUTE);

	/**
	 * Suffix Spring Authorization Server appends to a pushed request's state: {@code ___}
	 * and epoch millis.
	 */
	private static final String PUSHED_EXPIRY_DELIMITER = "___";

	/** Every column but {@code version}, which only the database advances. */
	static final List<String> COLUMNS_WRITTEN = List.of("id", "registered_client_id", "principal_name", "grant_type",
			"authorized_scopes", "consent_id", "request_authorization_uri", "request_client_id", "request_redirect_uri",
			"request_scopes", "request_state", "request_parameters", "state_hash", "customer_principal", "code_hash",
			"code_issued_at", "code_expires_at", "code_invalidated", "access_token_hash", "access_token_type",
			"access_token_issued_at", "access_token_expires_at", "access_token_scopes", "access_token_claims",
			"access_token_invalidated", "refresh_token_hash", "refresh_token_issued_at", "refresh_token_expires_at",
			"refresh_token_invalidated", "id_token_hash", "id_token_issued_at", "id_token_expires_at",
			"id_token_claims", "revoked_at", "expires_at");

	static final String COLUMNS = "version, " + String.join(", ", COLUMNS_WRITTEN);

	static final RowMapper<AuthorizationRow> MAPPER = AuthorizationRow::read;

	/**
	 * The row for an authorization about to be saved.
	 * @param pendingLifetime how long a row without tokens (a pushed request, a consent
	 * page) is kept
	 */
	static AuthorizationRow of(OAuth2Authorization authorization, Instant now, Duration pendingLifetime) {
		for (String name : authorization.getAttributes().keySet()) {
			if (!KEPT_ATTRIBUTES.contains(name)) {
				throw new IllegalArgumentException("authorization attribute '" + name + "' cannot be stored");
			}
		}
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		StoredVersion loaded = authorization.getAttribute(StoredVersion.ATTRIBUTE);
		OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
		StoredToken code = StoredToken.of(authorization.getToken(OAuth2AuthorizationCode.class));
		StoredToken accessToken = StoredToken.of(access);
		StoredToken refreshToken = StoredToken.of(authorization.getRefreshToken());
		StoredToken idToken = StoredToken.of(authorization.getToken(OidcIdToken.class));
		Object consentId = (request != null) ? request.getAdditionalParameters().get(ParameterNames.CONSENT_ID) : null;
		Instant expiresAt = Stream.of(code, accessToken, refreshToken, idToken)
			.filter(Objects::nonNull)
			.map(StoredToken::expiresAt)
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElseGet(() -> pendingUntil(state, now, pendingLifetime));
		return new AuthorizationRow(authorization.getId(), (loaded != null) ? loaded.version() : 0,
				authorization.getRegisteredClientId(), authorization.getPrincipalName(),
				authorization.getAuthorizationGrantType().getValue(), authorization.getAuthorizedScopes(),
				(consentId instanceof String id) ? id : null, request, (state != null) ? TokenDigest.of(state) : null,
				authorization.getAttribute(Principal.class.getName()) != null, code, accessToken,
				(access != null) ? access.getToken().getTokenType() : null,
				(access != null) ? access.getToken().getScopes() : Set.of(), refreshToken, idToken, null, expiresAt);
	}

	/**
	 * Whether the row holds a token (code, access or refresh token) that {@code loaded}
	 * did not.
	 */
	boolean mintsTokensSince(StoredVersion loaded) {
		return isNew(this.code, loaded.code()) || isNew(this.accessToken, loaded.accessToken())
				|| isNew(this.refreshToken, loaded.refreshToken());
	}

	/** A revoked refresh token revokes the whole grant (RFC 7009 §2.1). */
	boolean revokesGrant() {
		return this.refreshToken != null && this.refreshToken.invalidated();
	}

	/**
	 * The authorization as Spring Authorization Server sees it.
	 * @param presentedDigest digest of the value the request presented (codes, tokens,
	 * states)
	 * @param presentedValue that value: the one token the store can give back in clear
	 */
	OAuth2Authorization toAuthorization(RegisteredClient client, byte[] presentedDigest,
			@Nullable String presentedValue) {
		boolean revoked = this.revokedAt != null;
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id(this.id)
			.principalName(this.principalName)
			.authorizationGrantType(new AuthorizationGrantType(this.grantType))
			.authorizedScopes(this.authorizedScopes)
			.attribute(StoredVersion.ATTRIBUTE, new StoredVersion(this.version, this.code, this.accessToken,
					this.refreshToken, this.code != null && this.code.invalidated()));
		if (this.request != null) {
			builder.attribute(OAuth2AuthorizationRequest.class.getName(), this.request);
		}
		if (this.customerPrincipal) {
			// Tokens name the customer by id (sub); nothing downstream needs more of the
			// sign-in than its name
			Authentication customer = UsernamePasswordAuthenticationToken.authenticated(this.principalName, null,
					List.of());
			builder.attribute(Principal.class.getName(), customer);
		}
		if (this.stateDigest != null && presentedValue != null && TokenDigest.same(this.stateDigest, presentedDigest)) {
			builder.attribute(OAuth2ParameterNames.STATE, presentedValue);
		}
		else if (this.stateDigest != null) {
			builder.attribute(OAuth2ParameterNames.STATE, TokenDigest.reference(this.stateDigest));
		}
		if (this.code != null) {
			builder.token(
					new OAuth2AuthorizationCode(this.code.value(presentedDigest, presentedValue), this.code.issuedAt(),
							this.code.expiresAt()),
					(metadata) -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME,
							revoked || this.code.invalidated()));
		}
		if (this.accessToken != null) {
			OAuth2AccessToken.TokenType type = (this.accessTokenType != null) ? this.accessTokenType
					: OAuth2AccessToken.TokenType.BEARER;
			builder.token(
					new OAuth2AccessToken(type, this.accessToken.value(presentedDigest, presentedValue),
							this.accessToken.issuedAt(), this.accessToken.expiresAt(), this.accessTokenScopes),
					(metadata) -> {
						metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME,
								revoked || this.accessToken.invalidated());
						metadata.put(OAuth2TokenFormat.class.getName(), OAuth2TokenFormat.SELF_CONTAINED.getValue());
						if (this.accessToken.claims() != null) {
							metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, this.accessToken.claims());
						}
					});
		}
		if (this.refreshToken != null) {
			builder.token(
					new OAuth2RefreshToken(this.refreshToken.value(presentedDigest, presentedValue),
							this.refreshToken.issuedAt(), this.refreshToken.expiresAt()),
					(metadata) -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME,
							revoked || this.refreshToken.invalidated()));
		}
		if (this.idToken != null && this.idToken.claims() != null) {
			builder.token(
					new OidcIdToken(this.idToken.value(presentedDigest, presentedValue), this.idToken.issuedAt(),
							this.idToken.expiresAt(), this.idToken.claims()),
					(metadata) -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, this.idToken.claims()));
		}
		return builder.build();
	}

	/**
	 * The statement parameters of this row, named as its columns, typed so no null needs
	 * a round trip.
	 */
	Map<String, SqlParameterValue> columns() {
		Map<String, SqlParameterValue> columns = new LinkedHashMap<>();
		OAuth2AuthorizationRequest request = this.request;
		text(columns, "id", this.id);
		columns.put("version", new SqlParameterValue(Types.BIGINT, this.version));
		text(columns, "registered_client_id", this.registeredClientId);
		text(columns, "principal_name", this.principalName);
		text(columns, "grant_type", this.grantType);
		text(columns, "authorized_scopes", String.join(" ", this.authorizedScopes));
		text(columns, "consent_id", this.consentId);
		text(columns, "request_authorization_uri", (request != null) ? request.getAuthorizationUri() : null);
		text(columns, "request_client_id", (request != null) ? request.getClientId() : null);
		text(columns, "request_redirect_uri", (request != null) ? request.getRedirectUri() : null);
		text(columns, "request_scopes", (request != null) ? String.join(" ", request.getScopes()) : null);
		text(columns, "request_state", (request != null) ? request.getState() : null);
		text(columns, "request_parameters",
				(request != null) ? ClaimsJson.parameters(request.getAdditionalParameters()) : null);
		columns.put("state_hash", new SqlParameterValue(Types.BINARY, this.stateDigest));
		flag(columns, "customer_principal", this.customerPrincipal);
		token(columns, "code", this.code);
		token(columns, "access_token", this.accessToken);
		text(columns, "access_token_type", (this.accessTokenType != null) ? this.accessTokenType.getValue() : null);
		text(columns, "access_token_scopes", String.join(" ", this.accessTokenScopes));
		text(columns, "access_token_claims",
				(this.accessToken != null) ? ClaimsJson.claims(this.accessToken.claims()) : null);
		token(columns, "refresh_token", this.refreshToken);
		token(columns, "id_token", this.idToken);
		columns.remove("id_token_invalidated");
		text(columns, "id_token_claims", (this.idToken != null) ? ClaimsJson.claims(this.idToken.claims()) : null);
		columns.put("revoked_at", time(this.revokedAt));
		columns.put("expires_at", time(this.expiresAt));
		return columns;
	}

	private static void token(Map<String, SqlParameterValue> columns, String prefix, @Nullable StoredToken token) {
		columns.put(prefix + "_hash", new SqlParameterValue(Types.BINARY, (token != null) ? token.digest() : null));
		columns.put(prefix + "_issued_at", time((token != null) ? token.issuedAt() : null));
		columns.put(prefix + "_expires_at", time((token != null) ? token.expiresAt() : null));
		flag(columns, prefix + "_invalidated", token != null && token.invalidated());
	}

	private static void text(Map<String, SqlParameterValue> columns, String name, @Nullable String value) {
		columns.put(name, new SqlParameterValue(Types.VARCHAR, value));
	}

	private static void flag(Map<String, SqlParameterValue> columns, String name, boolean value) {
		columns.put(name, new SqlParameterValue(Types.BOOLEAN, value));
	}

	static SqlParameterValue time(@Nullable Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP, (instant != null) ? Timestamp.from(instant) : null);
	}

	private static boolean isNew(@Nullable StoredToken now, @Nullable StoredToken before) {
		return now != null && !now.sameAs(before);
	}

	private static Instant pendingUntil(@Nullable String state, Instant now, Duration pendingLifetime) {
		Instant until = now.plus(pendingLifetime);
		int delimiter = (state != null) ? state.lastIndexOf(PUSHED_EXPIRY_DELIMITER) : -1;
		if (delimiter >= 0) {
			try {
				Instant pushedExpiry = Instant
					.ofEpochMilli(Long.parseLong(state.substring(delimiter + PUSHED_EXPIRY_DELIMITER.length())));
				return pushedExpiry.isBefore(until) ? pushedExpiry : until;
			}
			catch (NumberFormatException ex) {
				return until;
			}
		}
		return until;
	}

	private static AuthorizationRow read(ResultSet rs, int rowNumber) throws SQLException {
		Timestamp revokedAt = rs.getTimestamp("revoked_at");
		String tokenType = rs.getString("access_token_type");
		return new AuthorizationRow(rs.getString("id"), rs.getLong("version"), rs.getString("registered_client_id"),
				rs.getString("principal_name"), rs.getString("grant_type"), words(rs.getString("authorized_scopes")),
				rs.getString("consent_id"), readRequest(rs), rs.getBytes("state_hash"),
				rs.getBoolean("customer_principal"), StoredToken.read(rs, "code", true, false),
				StoredToken.read(rs, "access_token", true, true),
				(tokenType != null) ? new OAuth2AccessToken.TokenType(tokenType) : null,
				words(rs.getString("access_token_scopes")), StoredToken.read(rs, "refresh_token", true, false),
				StoredToken.read(rs, "id_token", false, true), (revokedAt != null) ? revokedAt.toInstant() : null,
				rs.getTimestamp("expires_at").toInstant());
	}

	private static @Nullable OAuth2AuthorizationRequest readRequest(ResultSet rs) throws SQLException {
		String clientId = rs.getString("request_client_id");
		if (clientId == null) {
			return null;
		}
		String parameters = rs.getString("request_parameters");
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(rs.getString("request_authorization_uri"))
			.clientId(clientId)
			.redirectUri(rs.getString("request_redirect_uri"))
			.scopes(words(rs.getString("request_scopes")))
			.state(rs.getString("request_state"))
			.additionalParameters((parameters != null) ? ClaimsJson.parameters(parameters) : Map.of())
			.build();
	}

	private static Set<String> words(@Nullable String text) {
		return StringUtils.hasText(text) ? new LinkedHashSet<>(Arrays.asList(text.split(" "))) : Set.of();
	}

}
