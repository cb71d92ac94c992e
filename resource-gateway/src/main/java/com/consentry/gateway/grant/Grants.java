package com.consentry.gateway.grant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.consentry.consent.DataCluster;
import com.consentry.gateway.GatewayProperties;
import com.consentry.gateway.access.AccessToken;
import com.consentry.gateway.fdx.FdxRefusal;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The live state behind each access token: is the token still usable, is its consent
 * ACTIVE and unexpired, is its partner ACTIVE, and what does the consent grant.
 * <p>
 * Read from the database once and then kept in memory, so a partner's calls cost no
 * query. What is kept is dropped the moment it changes: the authorization server, the
 * consent service and the registry announce every change through PostgreSQL
 * {@code NOTIFY} ({@link GrantChanges}). While that listener is down, nothing older than
 * {@code consentry.gateway.grants.stale-after} is used without reading it again, and when
 * it cannot be read the request is refused (fail closed). Even with the listener up,
 * state is read again after {@code max-age}: a safety net for a lost notification.
 */
@Component
public class Grants {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

	// the change mark of a change that concerns every token
	private static final String ANY = "\u0000any";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Map<String, Object>>> RESOURCES = new TypeReference<>() {
	};

	private static final String QUERY = """
			SELECT a.consent_id, (a.revoked_at IS NULL AND NOT a.access_token_invalidated) AS token_live,
			       c.status, c.client_id, c.customer_id, c.lookback_period, c.expires_at, c.granted_resources,
			       p.status AS partner_status, policy.rate_limit_tier
			FROM authz.authorization a
			LEFT JOIN consent.consent c ON c.id = a.consent_id
			LEFT JOIN registry.partner p ON p.client_id = c.client_id
			LEFT JOIN registry.partner_policy policy ON policy.org_id = p.org_id
			WHERE a.access_token_hash = ?""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final GatewayProperties.Grants settings;

	private final Map<String, GrantState> byToken = new ConcurrentHashMap<>();

	// when each token, consent or partner was last announced as changed (System.nanoTime)
	private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

	private volatile boolean listening;

	public Grants(JdbcClient jdbc, Clock clock, GatewayProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = properties.grants();
	}

	/**
	 * The grant behind a verified token, or an {@link FdxRefusal}: 401 {@code 603} when
	 * the token, its consent or its partner is no longer active, 503 when that cannot be
	 * known.
	 */
	public Grant current(AccessToken token) {
		Instant now = this.clock.instant();
		String key = HexFormat.of().formatHex(token.digest());
		GrantState state = this.byToken.get(key);
		if (state == null || !fresh(state, now)) {
			state = read(key, token, now);
		}
		return check(state, token, now);
	}

	private boolean fresh(GrantState state, Instant now) {
		Duration age = Duration.between(state.readAt(), now);
		return age.compareTo(this.listening ? this.settings.maxAge() : this.settings.staleAfter()) < 0;
	}

	private GrantState read(String key, AccessToken token, Instant now) {
		long started = System.nanoTime();
		GrantState state;
		try {
			state = this.jdbc.sql(QUERY)
				.param(token.digest())
				.query((rs, row) -> map(rs, now, started))
				.optional()
				.orElseGet(() -> new GrantState(false, null, null, null, now, started));
		}
		catch (DataAccessException ex) {
			throw FdxRefusal.unavailable("grant_state_unavailable", RETRY_AFTER);
		}
		// a change announced while reading may not be in what was read: use it for this
		// request (it raced with the change) but do not keep it
		if (this.listening && !changedSince(started, key, token.consentId(), token.clientId(), ANY)) {
			if (this.byToken.size() >= this.settings.capacity()) {
				this.byToken.clear();
			}
			this.byToken.put(key, state);
		}
		return state;
	}

	private boolean changedSince(long started, String... keys) {
		for (String key : keys) {
			Long at = this.changedAt.get(key);
			if (at != null && at - started >= 0) {
				return true;
			}
		}
		return false;
	}

	private static Grant check(GrantState state, AccessToken token, Instant now) {
		if (!state.tokenLive()) {
			throw FdxRefusal.unauthenticated("token_revoked", "invalid_token", "The access token has been revoked");
		}
		Grant grant = state.grant();
		if (grant == null || !"ACTIVE".equals(state.consentStatus()) || !now.isBefore(grant.expiresAt())
				|| !grant.consentId().equals(token.consentId())) {
			throw FdxRefusal.unauthenticated("consent_inactive", "invalid_token", "The consent is not active");
		}
		if (!"ACTIVE".equals(state.partnerStatus()) || !grant.clientId().equals(token.clientId())) {
			throw FdxRefusal.unauthenticated("partner_inactive", "invalid_token", "The partner is not active");
		}
		return grant;
	}

	private static GrantState map(ResultSet rs, Instant now, long generation) throws SQLException {
		String consentId = rs.getString("consent_id");
		String status = rs.getString("status");
		Timestamp expiresAt = rs.getTimestamp("expires_at");
		String customerId = rs.getString("customer_id");
		String resources = rs.getString("granted_resources");
		Grant grant = null;
		if (consentId != null && status != null && expiresAt != null && customerId != null && resources != null) {
			Map<String, Set<DataCluster>> accounts = new LinkedHashMap<>();
			Set<DataCluster> customer = EnumSet.noneOf(DataCluster.class);
			for (Map<String, Object> resource : JSON.readValue(resources, RESOURCES)) {
				Set<DataCluster> clusters = clusters(resource.get("dataClusters"));
				if ("ACCOUNT".equals(resource.get("resourceType"))
						&& resource.get("resourceId") instanceof String accountId) {
					accounts.computeIfAbsent(accountId, (id) -> EnumSet.noneOf(DataCluster.class)).addAll(clusters);
				}
				else if ("CUSTOMER".equals(resource.get("resourceType"))) {
					customer.addAll(clusters);
				}
			}
			accounts.replaceAll((id, clusters) -> Set.copyOf(clusters));
			grant = new Grant(consentId, rs.getString("client_id"), customerId, Map.copyOf(accounts),
					Set.copyOf(customer), rs.getInt("lookback_period"), expiresAt.toInstant(),
					rs.getString("rate_limit_tier"));
		}
		return new GrantState(rs.getBoolean("token_live"), status, rs.getString("partner_status"), grant, now,
				generation);
	}

	private static Set<DataCluster> clusters(@Nullable Object value) {
		List<DataCluster> out = new ArrayList<>();
		if (value instanceof List<?> names) {
			for (Object name : names) {
				Optional.ofNullable(name).map(String::valueOf).flatMap(Grants::cluster).ifPresent(out::add);
			}
		}
		return out.isEmpty() ? Set.of() : EnumSet.copyOf(out);
	}

	private static Optional<DataCluster> cluster(String name) {
		try {
			return Optional.of(DataCluster.valueOf(name));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	// --- changes, from GrantChanges

	void listening(boolean listening) {
		if (listening != this.listening) {
			// nothing learnt while deaf can be trusted: start over
			this.byToken.clear();
		}
		this.listening = listening;
	}

	boolean isListening() {
		return this.listening;
	}

	void tokenRevoked(String digestHex) {
		mark(digestHex);
		this.byToken.remove(digestHex);
	}

	void consentChanged(String consentId) {
		mark(consentId);
		this.byToken.values().removeIf((state) -> state.grant() != null && consentId.equals(state.grant().consentId()));
	}

	void partnerChanged(String clientId) {
		mark(clientId);
		this.byToken.values().removeIf((state) -> state.grant() != null && clientId.equals(state.grant().clientId()));
	}

	/** A partner's policy changed: rare enough to start over. */
	void policyChanged() {
		mark(ANY);
		this.byToken.clear();
	}

	private void mark(String key) {
		this.changedAt.put(key, System.nanoTime());
	}

	/** Forgets change marks older than any read still running could need. */
	void pruneChangeMarks() {
		long horizon = System.nanoTime() - Duration.ofMinutes(1).toNanos();
		this.changedAt.values().removeIf((at) -> at - horizon < 0);
	}

}
