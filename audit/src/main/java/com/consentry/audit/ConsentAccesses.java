package com.consentry.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * "Who accessed my data": the gateway's records of the partners' calls under given
 * consents, newest first. The gateway knows the customer only by a pseudonym; the
 * authorization server knows which consents are the customer's, so it asks by consent.
 */
public final class ConsentAccesses {

	/** The type of the gateway's records. */
	public static final String GATEWAY_ACCESS = "gateway.access";

	private final JdbcClient jdbc;

	public ConsentAccesses(JdbcClient jdbc) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		this.jdbc = jdbc;
	}

	/**
	 * The latest accesses under each consent.
	 * @param consentIds the customer's consents
	 * @param perConsent at most this many per consent
	 * @return the accesses by consent id, newest first (consents without any left out)
	 */
	public Map<String, List<DataAccess>> latest(Collection<String> consentIds, int perConsent) {
		Map<String, List<DataAccess>> accesses = new LinkedHashMap<>();
		if (consentIds.isEmpty()) {
			return accesses;
		}
		this.jdbc
			.sql("SELECT e.consent_id, e.recorded_at, e.actor, e.subject, e.outcome, e.details "
					+ "FROM unnest(?::text[]) AS c(id) CROSS JOIN LATERAL (SELECT * FROM audit.event "
					+ "WHERE consent_id = c.id AND type = '" + GATEWAY_ACCESS + "' ORDER BY seq DESC LIMIT ?) e")
			.params(consentIds.toArray(String[]::new), perConsent)
			.query((rs, n) -> {
				Map<String, String> details = CanonicalJson.decodeFlat(rs.getString(6));
				String clusters = details.getOrDefault("clusters", "");
				DataAccess access = new DataAccess(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
						details.getOrDefault("endpoint", rs.getString(4)), details.get("account"),
						clusters.isEmpty() ? List.of() : Arrays.asList(clusters.split(",")), rs.getString(5));
				accesses.computeIfAbsent(rs.getString(1), (id) -> new ArrayList<>()).add(access);
				return access;
			})
			.list();
		return accesses;
	}

}
