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
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.DataCluster;
import com.consentry.consent.DurationType;
import com.consentry.consent.GrantedResource;
import com.consentry.consent.PartyType;
import com.consentry.consent.RequestedResource;
import com.consentry.consent.ResourceType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consents in table {@code consent.consent}; resources are kept as small JSON documents.
 */
@Repository
public class ConsentStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Map<String, Object>>> RESOURCE_LIST = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, client_id, customer_id, status, duration_type, duration_period, "
			+ "lookback_period, requested_resources, granted_resources, created_at, authorized_at, expires_at, updated_at";

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

	public void update(Consent consent) {
		this.jdbc
			.sql("UPDATE consent.consent SET customer_id = :customerId, status = :status, "
					+ "granted_resources = :granted, authorized_at = :authorizedAt, expires_at = :expiresAt, "
					+ "updated_at = :updatedAt WHERE id = :id")
			.paramSource(parameters(consent))
			.update();
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
	 * Revokes every consent of a client that is ACTIVE or still awaiting authorization,
	 * in one statement, so that an approval racing with it either commits first (and is
	 * revoked) or finds the consent revoked.
	 * @return how many consents were revoked
	 */
	public int revokeAllOfClient(String clientId, ConsentRevocation revocation) {
		return this.jdbc
			.sql("UPDATE consent.consent SET status = 'REVOKED', revocation_reason = :reason, "
					+ "revocation_initiator = :initiator, revoked_at = :revokedAt, updated_at = :revokedAt "
					+ "WHERE client_id = :clientId AND status IN ('ACTIVE', 'AWAITING_AUTHORIZATION')")
			.param("reason", revocation.reason().name())
			.param("initiator", revocation.initiator().name())
			.param("revokedAt", Timestamp.from(revocation.updatedTime()))
			.param("clientId", clientId)
			.update();
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
