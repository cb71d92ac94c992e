package com.consentry.consent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.consentry.consent.Consent;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentRequest;
import com.consentry.consent.ConsentRevocation;
import com.consentry.consent.ConsentRevoked;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.ConsentStatusChanged;
import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.DataCluster;
import com.consentry.consent.DurationType;
import com.consentry.consent.GrantedResource;
import com.consentry.consent.PartyType;
import com.consentry.consent.RequestedResource;
import com.consentry.consent.ResourceType;
import com.consentry.consent.RevocationChannel;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consents in table {@code consent.consent}; resources are kept as small JSON documents.
 * Every change of status is one conditional statement on the status it moves from, never
 * a read, a check and a write, and is announced on {@link #CHANNEL}. Rows are never
 * deleted (retention, CFPB 1033.351).
 */
@Repository
public class ConsentStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Map<String, Object>>> RESOURCE_LIST = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, client_id, customer_id, status, duration_type, duration_period, "
			+ "lookback_period, requested_resources, granted_resources, created_at, authorized_at, expires_at, updated_at";

	/**
	 * The PostgreSQL notification channel told of every status change, with the consent
	 * id as payload; sent in the changing transaction, so listeners (the resource
	 * gateway) hear of it only once it committed.
	 */
	public static final String CHANNEL = "consent_changed";

	private final JdbcClient jdbc;

	public ConsentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Consent consent) {
		this.jdbc.sql("INSERT INTO consent.consent (" + COLUMNS + ") VALUES (:id, :clientId, :customerId, :status, "
				+ ":durationType, :durationPeriod, :lookbackPeriod, :requested, :granted, :createdAt, :authorizedAt, "
				+ ":expiresAt, :updatedAt)")
			.paramSource(parameters(consent))
			.update();
	}

	/**
	 * Stores the consent's new state if, and only if, the stored status is still
	 * {@code expected}: one conditional statement, so that of two concurrent moves from
	 * one status exactly one wins.
	 * @return whether the row was changed
	 */
	public boolean update(Consent consent, ConsentStatus expected) {
		Map<String, Object> parameters = parameters(consent);
		parameters.put("expected", expected.name());
		boolean changed = this.jdbc
			.sql("UPDATE consent.consent SET customer_id = :customerId, status = :status, "
					+ "granted_resources = :granted, authorized_at = :authorizedAt, expires_at = :expiresAt, "
					+ "updated_at = :updatedAt WHERE id = :id AND status = :expected")
			.paramSource(parameters)
			.update() == 1;
		if (changed) {
			announce(consent.id());
		}
		return changed;
	}

	/**
	 * Moves a running consent ({@code expected} is ACTIVE or SUSPENDED) to
	 * {@code next.status()}, recording the revocation with a move to REVOKED. One
	 * conditional statement: it changes the row only while the stored status is still
	 * {@code expected} and the consent has not reached its expiration time at
	 * {@code next.updatedAt()}, so a consent past its time is never revoked, suspended or
	 * resumed.
	 * @return whether the row was changed
	 */
	public boolean moveRunning(Consent next, ConsentStatus expected, @Nullable ConsentRevocation revocation) {
		boolean changed = this.jdbc
			.sql("UPDATE consent.consent SET status = :status, updated_at = :updatedAt, "
					+ "revocation_reason = :reason, revocation_initiator = :initiator, revoked_at = :revokedAt "
					+ "WHERE id = :id AND status = :expected AND expires_at > :updatedAt")
			.param("status", next.status().name())
			.param("updatedAt", Timestamp.from(next.updatedAt()))
			.param("reason", (revocation != null) ? revocation.reason().name() : null)
			.param("initiator", (revocation != null) ? revocation.initiator().name() : null)
			.param("revokedAt", (revocation != null) ? Timestamp.from(revocation.updatedTime()) : null)
			.param("id", next.id().value())
			.param("expected", expected.name())
			.update() == 1;
		if (changed) {
			announce(next.id());
		}
		return changed;
	}

	/**
	 * Expires up to {@code batchSize} running consents whose time is up at {@code now}.
	 * Rows another instance is expiring at the same moment are skipped, not waited for
	 * ({@code FOR UPDATE SKIP LOCKED}), so any number of instances may run the job at
	 * once; each consent is expired exactly once.
	 * @return the consents expired
	 */
	public List<ConsentStatusChanged> expireDue(Instant now, int batchSize) {
		return this.jdbc
			.sql("WITH due AS (SELECT id, status FROM consent.consent WHERE status IN ('ACTIVE', 'SUSPENDED') "
					+ "AND expires_at <= :now ORDER BY expires_at LIMIT :batchSize FOR UPDATE SKIP LOCKED), "
					+ "expired AS (UPDATE consent.consent c SET status = 'EXPIRED', updated_at = :now FROM due "
					+ "WHERE c.id = due.id RETURNING c.id, c.client_id, c.customer_id, due.status AS previous) "
					+ "SELECT id, client_id, customer_id, previous, pg_notify('" + CHANNEL
					+ "', id)::text AS announced FROM expired")
			.param("now", Timestamp.from(now))
			.param("batchSize", batchSize)
			.query((rs, row) -> new ConsentStatusChanged(new ConsentId(rs.getString("id")), rs.getString("client_id"),
					rs.getString("customer_id"), ConsentStatus.valueOf(rs.getString("previous")), ConsentStatus.EXPIRED,
					now))
			.list();
	}

	/**
	 * Every consent the customer granted (never those still awaiting or refused), newest
	 * first.
	 */
	public List<Consent> findGrantedTo(String customerId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM consent.consent WHERE customer_id = ? "
					+ "AND status NOT IN ('AWAITING_AUTHORIZATION', 'DENIED') ORDER BY authorized_at DESC, id")
			.param(customerId)
			.query(ConsentStore::map)
			.list();
	}

	public Optional<Consent> find(ConsentId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM consent.consent WHERE id = ?")
			.param(id.value())
			.query(ConsentStore::map)
			.optional();
	}

	/**
	 * Reads and locks the row, so that concurrent approvals of one consent are
	 * serialised.
	 */
	public Optional<Consent> findForUpdate(ConsentId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM consent.consent WHERE id = ? FOR UPDATE")
			.param(id.value())
			.query(ConsentStore::map)
			.optional();
	}

	/**
	 * Revokes every consent of a client that is running (ACTIVE, SUSPENDED) or still
	 * awaiting authorization, in one statement, so that an approval racing with it either
	 * commits first (and is revoked) or finds the consent revoked.
	 * @return the consents revoked
	 */
	public List<ConsentRevoked> revokeAllOfClient(String clientId, ConsentRevocation revocation) {
		return this.jdbc
			.sql("WITH revoked AS (UPDATE consent.consent SET status = 'REVOKED', "
					+ "revocation_reason = :reason, revocation_initiator = :initiator, revoked_at = :revokedAt, "
					+ "updated_at = :revokedAt WHERE client_id = :clientId "
					+ "AND status IN ('ACTIVE', 'SUSPENDED', 'AWAITING_AUTHORIZATION') RETURNING id, customer_id) "
					+ "SELECT id, customer_id, pg_notify('" + CHANNEL + "', id)::text AS announced FROM revoked")
			.param("reason", revocation.reason().name())
			.param("initiator", revocation.initiator().name())
			.param("revokedAt", Timestamp.from(revocation.updatedTime()))
			.param("clientId", clientId)
			.query((rs, row) -> new ConsentRevoked(new ConsentId(rs.getString("id")), clientId,
					rs.getString("customer_id"), revocation, RevocationChannel.REGISTRY))
			.list();
	}

	/** How the consent was revoked; empty when it was not (or does not exist). */
	public Optional<ConsentRevocation> findRevocation(ConsentId id) {
		return this.jdbc
			.sql("SELECT revocation_reason, revocation_initiator, revoked_at FROM consent.consent "
					+ "WHERE id = ? AND status = 'REVOKED' AND revocation_reason IS NOT NULL")
			.param(id.value())
			.query((rs, row) -> new ConsentRevocation(ConsentUpdateReason.valueOf(rs.getString("revocation_reason")),
					PartyType.valueOf(rs.getString("revocation_initiator")), rs.getTimestamp("revoked_at").toInstant()))
			.optional();
	}

	private void announce(ConsentId id) {
		this.jdbc.sql("SELECT pg_notify('" + CHANNEL + "', ?)::text").param(id.value()).query(String.class).list();
	}

	private static Map<String, Object> parameters(Consent consent) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", consent.id().value());
		p.put("clientId", consent.clientId());
		p.put("customerId", consent.customerId());
		p.put("status", consent.status().name());
		p.put("durationType", consent.request().durationType().name());
		p.put("durationPeriod", consent.request().durationPeriod());
		p.put("lookbackPeriod", consent.request().lookbackPeriod());
		p.put("requested", JSON.writeValueAsString(requested(consent.request().resources())));
		p.put("granted", JSON.writeValueAsString(granted(consent.grantedResources())));
		p.put("createdAt", timestamp(consent.createdAt()));
		p.put("authorizedAt", timestamp(consent.authorizedAt()));
		p.put("expiresAt", timestamp(consent.expiresAt()));
		p.put("updatedAt", timestamp(consent.updatedAt()));
		return p;
	}

	private static Consent map(ResultSet rs, int row) throws SQLException {
		ConsentRequest request = new ConsentRequest(DurationType.valueOf(rs.getString("duration_type")),
				(Integer) rs.getObject("duration_period"), rs.getInt("lookback_period"),
				readRequested(rs.getString("requested_resources")));
		String grantedJson = rs.getString("granted_resources");
		return new Consent(new ConsentId(rs.getString("id")), rs.getString("client_id"), rs.getString("customer_id"),
				ConsentStatus.valueOf(rs.getString("status")), request,
				(grantedJson != null) ? readGranted(grantedJson) : List.of(), instant(rs, "created_at"),
				instant(rs, "authorized_at"), instant(rs, "expires_at"), instant(rs, "updated_at"));
	}

	private static List<Map<String, Object>> requested(List<RequestedResource> resources) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (RequestedResource resource : resources) {
			out.add(Map.of("resourceType", resource.resourceType().name(), "dataClusters",
					resource.dataClusters().stream().sorted().map(Enum::name).toList()));
		}
		return out;
	}

	private static List<Map<String, Object>> granted(List<GrantedResource> resources) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (GrantedResource resource : resources) {
			out.add(Map.of("resourceType", resource.resourceType().name(), "resourceId", resource.resourceId(),
					"dataClusters", resource.dataClusters().stream().sorted().map(Enum::name).toList()));
		}
		return out;
	}

	private static List<RequestedResource> readRequested(String json) {
		return JSON.readValue(json, RESOURCE_LIST)
			.stream()
			.map((m) -> new RequestedResource(ResourceType.valueOf((String) m.get("resourceType")),
					clusters(m.get("dataClusters"))))
			.toList();
	}

	private static List<GrantedResource> readGranted(String json) {
		return JSON.readValue(json, RESOURCE_LIST)
			.stream()
			.map((m) -> new GrantedResource(ResourceType.valueOf((String) m.get("resourceType")),
					(String) m.get("resourceId"), clusters(m.get("dataClusters"))))
			.toList();
	}

	private static Set<DataCluster> clusters(Object names) {
		Set<DataCluster> clusters = EnumSet.noneOf(DataCluster.class);
		for (Object name : (List<?>) names) {
			clusters.add(DataCluster.valueOf((String) name));
		}
		return clusters;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
