package com.consentry.registry.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.consentry.registry.PartnerKey;
import com.consentry.registry.PartnerPolicy;
import com.consentry.registry.PartnerStatus;
import com.consentry.registry.PartnerStatusChange;
import com.consentry.registry.RateLimitTier;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Partner organisations in {@code registry}: the status shared by an organisation's rows
 * of {@code registry.partner}, its status history, its policy and its clients' keys.
 * Callers own the transaction.
 */
@Component
public final class OrganisationStore {

	/** Namespace of the advisory locks taken per organisation. */
	private static final int ORGANISATION_LOCK = 7592;

	private final JdbcClient jdbc;

	public OrganisationStore(JdbcClient jdbc) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		this.jdbc = jdbc;
	}

	/**
	 * Serialises status changes and registrations of one organisation until the
	 * transaction ends, so a client registering while its organisation changes status
	 * never keeps the old one.
	 */
	public void lock(String orgId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
			.params(ORGANISATION_LOCK, orgId)
			.query((rs, row) -> 1)
			.list();
	}

	/** The organisation's status: that of its clients; empty when it has none. */
	public Optional<PartnerStatus> status(String orgId) {
		return this.jdbc.sql("SELECT status FROM registry.partner WHERE org_id = ? ORDER BY created_at LIMIT 1")
			.param(orgId)
			.query((rs, row) -> PartnerStatus.valueOf(rs.getString("status")))
			.optional();
	}

	/** Gives every client of the organisation the status, in the caller's transaction. */
	public void setStatus(String orgId, PartnerStatus status, Instant at) {
		this.jdbc.sql("UPDATE registry.partner SET status = ?, updated_at = ? WHERE org_id = ?")
			.params(status.name(), utc(at), orgId)
			.update();
	}

	public List<String> clientIds(String orgId) {
		return this.jdbc.sql("SELECT client_id FROM registry.partner WHERE org_id = ? ORDER BY created_at, client_id")
			.param(orgId)
			.query(String.class)
			.list();
	}

	public void recordChange(PartnerStatusChange change) {
		this.jdbc.sql(
				"INSERT INTO registry.partner_status_change (org_id, from_status, to_status, actor, reason, changed_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(change.orgId(), change.from().name(), change.to().name(), change.actor(), change.reason(),
					utc(change.at()))
			.update();
	}

	/** The organisation's status changes, oldest first. */
	public List<PartnerStatusChange> history(String orgId) {
		return this.jdbc
			.sql("SELECT org_id, from_status, to_status, actor, reason, changed_at FROM registry.partner_status_change "
					+ "WHERE org_id = ? ORDER BY id")
			.param(orgId)
			.query((rs, row) -> new PartnerStatusChange(rs.getString("org_id"),
					PartnerStatus.valueOf(rs.getString("from_status")),
					PartnerStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("reason"),
					rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** The organisation's own policy; empty when it has the bank's default. */
	public Optional<PartnerPolicy> policy(String orgId) {
		return this.jdbc
			.sql("SELECT allowed_data_clusters, max_duration_days, max_lookback_days, rate_limit_tier "
					+ "FROM registry.partner_policy WHERE org_id = ?")
			.param(orgId)
			.query((rs, row) -> new PartnerPolicy(clusters(rs.getString("allowed_data_clusters")),
					rs.getInt("max_duration_days"), rs.getInt("max_lookback_days"),
					RateLimitTier.valueOf(rs.getString("rate_limit_tier"))))
			.optional();
	}

	/** The organisation of a client, if the client is registered. */
	public Optional<String> orgOf(String clientId) {
		return this.jdbc.sql("SELECT org_id FROM registry.partner WHERE client_id = ?")
			.param(clientId)
			.query(String.class)
			.optional();
	}

	public void savePolicy(String orgId, PartnerPolicy policy, Instant at) {
		this.jdbc
			.sql("INSERT INTO registry.partner_policy (org_id, allowed_data_clusters, max_duration_days, "
					+ "max_lookback_days, rate_limit_tier, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
					+ "ON CONFLICT (org_id) DO UPDATE SET allowed_data_clusters = EXCLUDED.allowed_data_clusters, "
					+ "max_duration_days = EXCLUDED.max_duration_days, max_lookback_days = EXCLUDED.max_lookback_days, "
					+ "rate_limit_tier = EXCLUDED.rate_limit_tier, updated_at = EXCLUDED.updated_at")
			.params(orgId, String.join(" ", policy.allowedDataClusters().stream().sorted().toList()),
					policy.maxDurationDays(), policy.maxLookbackDays(), policy.rateLimitTier().name(), utc(at))
			.update();
	}

	/**
	 * Records the client's current keys: new thumbprints are added with this time, keys
	 * no longer registered are dropped.
	 */
	public void saveKeys(String clientId, Map<String, @Nullable String> keyIdsByThumbprint, Instant at) {
		List<String> thumbprints = new ArrayList<>(keyIdsByThumbprint.keySet());
		this.jdbc.sql("DELETE FROM registry.partner_key WHERE client_id = ? AND NOT (thumbprint = ANY (?))")
			.params(clientId, thumbprints.toArray(String[]::new))
			.update();
		keyIdsByThumbprint.forEach((thumbprint, keyId) -> this.jdbc
			.sql("INSERT INTO registry.partner_key (client_id, thumbprint, key_id, added_at) VALUES (?, ?, ?, ?) "
					+ "ON CONFLICT (client_id, thumbprint) DO NOTHING")
			.params(clientId, thumbprint, keyId, utc(at))
			.update());
	}

	/** Every organisation's rows, for the directory of partners, in one query. */
	public List<OrganisationRow> rows(@Nullable String orgId, @Nullable PartnerStatus status, @Nullable String text) {
		StringBuilder sql = new StringBuilder(
				"SELECT p.client_id, p.org_id, p.org_name, p.client_name, p.status, p.metadata, p.created_at, "
						+ "k.thumbprint, k.key_id, k.added_at FROM registry.partner p "
						+ "LEFT JOIN registry.partner_key k ON k.client_id = p.client_id WHERE true");
		List<Object> params = new ArrayList<>();
		if (orgId != null) {
			sql.append(" AND p.org_id = ?");
			params.add(orgId);
		}
		if (status != null) {
			sql.append(" AND p.org_id IN (SELECT org_id FROM registry.partner WHERE status = ?)");
			params.add(status.name());
		}
		if (text != null && !text.isBlank()) {
			String like = "%" + text.strip()
				.toLowerCase(Locale.ROOT)
				.replace("\\", "\\\\")
				.replace("%", "\\%")
				.replace("_", "\\_") + "%";
			sql.append(" AND p.org_id IN (SELECT org_id FROM registry.partner WHERE lower(org_id) LIKE ? "
					+ "OR lower(org_name) LIKE ? OR lower(client_name) LIKE ?)");
			params.addAll(List.of(like, like, like));
		}
		sql.append(" ORDER BY p.created_at, p.client_id, k.added_at, k.thumbprint");
		Map<String, OrganisationRow> byClient = new LinkedHashMap<>();
		this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
			String clientId = rs.getString("client_id");
			OrganisationRow row = byClient.get(clientId);
			if (row == null) {
				row = new OrganisationRow(clientId, rs.getString("org_id"), rs.getString("org_name"),
						rs.getString("client_name"), PartnerStatus.valueOf(rs.getString("status")),
						rs.getString("metadata"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
						new ArrayList<>());
				byClient.put(clientId, row);
			}
			String thumbprint = rs.getString("thumbprint");
			if (thumbprint != null) {
				row.keys()
					.add(new PartnerKey(thumbprint, rs.getString("key_id"),
							rs.getObject("added_at", OffsetDateTime.class).toInstant()));
			}
		});
		return List.copyOf(byClient.values());
	}

	private static LinkedHashSet<String> clusters(String spaceSeparated) {
		LinkedHashSet<String> clusters = new LinkedHashSet<>();
		Arrays.stream(spaceSeparated.split(" ")).filter((name) -> !name.isBlank()).forEach(clusters::add);
		return clusters;
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	/**
	 * One client's row with its keys.
	 *
	 * @param clientId the client
	 * @param orgId its organisation
	 * @param orgName the organisation's name on this row
	 * @param clientName the client's name
	 * @param status the organisation's status
	 * @param metadataJson the stored registration metadata
	 * @param createdAt when the client registered
	 * @param keys its recorded keys
	 */
	public record OrganisationRow(String clientId, String orgId, String orgName, String clientName,
			PartnerStatus status, String metadataJson, Instant createdAt, List<PartnerKey> keys) {
	}

}
