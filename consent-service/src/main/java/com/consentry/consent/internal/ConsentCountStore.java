package com.consentry.consent.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.consentry.consent.ConsentCounts.DailyConsentCounts;
import com.consentry.consent.ConsentStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/**
 * The aggregate queries behind {@link com.consentry.consent.ConsentCounts}, each one
 * statement over {@code consent.consent}.
 */
@Repository
public class ConsentCountStore {

	// every day of the range, so that quiet days show as zero; days are UTC. One range
	// scan of
	// each timestamp's index.
	private static final String PER_DAY = "WITH days AS (SELECT CAST(d AS date) AS day FROM "
			+ "generate_series(CAST(:first AS date), CAST(:last AS date), interval '1 day') AS d), "
			+ "granted AS (SELECT CAST(authorized_at AT TIME ZONE 'UTC' AS date) AS day, count(*) AS n "
			+ "FROM consent.consent WHERE authorized_at >= :from AND authorized_at < :to GROUP BY 1), "
			+ "revoked AS (SELECT CAST(revoked_at AT TIME ZONE 'UTC' AS date) AS day, count(*) AS n "
			+ "FROM consent.consent WHERE revoked_at >= :from AND revoked_at < :to GROUP BY 1) "
			+ "SELECT days.day, coalesce(granted.n, 0) AS granted, coalesce(revoked.n, 0) AS revoked FROM days "
			+ "LEFT JOIN granted ON granted.day = days.day LEFT JOIN revoked ON revoked.day = days.day "
			+ "ORDER BY days.day";

	private final JdbcClient jdbc;

	public ConsentCountStore(JdbcClient jdbc) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		this.jdbc = jdbc;
	}

	public Map<ConsentStatus, Long> byStatus(Collection<String> clientIds) {
		Map<ConsentStatus, Long> counts = new EnumMap<>(ConsentStatus.class);
		this.jdbc.sql("SELECT status, count(*) AS n FROM consent.consent WHERE client_id IN (:clients) GROUP BY status")
			.param("clients", List.copyOf(clientIds))
			.query((rs, row) -> counts.put(ConsentStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
		return counts;
	}

	public List<DailyConsentCounts> grantedAndRevokedPerDay(LocalDate first, LocalDate last) {
		return this.jdbc.sql(PER_DAY)
			.param("first", Date.valueOf(first))
			.param("last", Date.valueOf(last))
			.param("from", Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.param("to", Timestamp.from(last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs, row) -> new DailyConsentCounts(rs.getDate("day").toLocalDate(), rs.getLong("granted"),
					rs.getLong("revoked")))
			.list();
	}

}
