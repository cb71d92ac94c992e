package com.consentry.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Gives the benchmark partner's organisation a rate-limit tier, the way the bank would:
 * in its policy row, {@code registry.partner_policy.rate_limit_tier}, which the gateway
 * reads with each grant (joined on {@code registry.partner.org_id}). The row's trigger
 * announces the change on {@code partner_policy_changed}, so every gateway instance
 * forgets the grants it kept. An organisation without a policy gets the bank's default
 * one (every data cluster, 365 days, 730 days lookback) with this tier; an existing
 * policy keeps everything but its tier.
 */
final class PartnerTier {

	static final String DEFAULT_CLUSTERS = "ACCOUNT_BASIC ACCOUNT_DETAILED ACCOUNT_PAYMENTS BILLS CUSTOMER_CONTACT "
			+ "CUSTOMER_PERSONAL IMAGES INVESTMENTS NOTIFICATIONS PAYMENT_SUPPORT REWARDS STATEMENTS TAX TRANSACTIONS";

	private static final String UPSERT = """
			INSERT INTO registry.partner_policy (org_id, allowed_data_clusters, max_duration_days,
			    max_lookback_days, rate_limit_tier, updated_at)
			SELECT org_id, ?, 365, 730, ?, now() FROM registry.partner WHERE client_id = ?
			ON CONFLICT (org_id) DO UPDATE SET rate_limit_tier = EXCLUDED.rate_limit_tier,
			    updated_at = EXCLUDED.updated_at
			RETURNING org_id""";

	private PartnerTier() {
	}

	/**
	 * Sets the tier of the organisation {@code clientId} belongs to.
	 * @return the organisation's id
	 */
	static String set(String jdbcUrl, String user, String clientId, String tier) throws SQLException {
		GatewayOptions.requireLoopbackDatabase(jdbcUrl);
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("connectTimeout", "5");
		try (Connection db = DriverManager.getConnection(jdbcUrl, properties);
				PreparedStatement upsert = db.prepareStatement(UPSERT)) {
			upsert.setString(1, DEFAULT_CLUSTERS);
			upsert.setString(2, tier);
			upsert.setString(3, clientId);
			try (ResultSet row = upsert.executeQuery()) {
				if (!row.next()) {
					throw new SQLException("no registry.partner row for client " + clientId);
				}
				return row.getString(1);
			}
		}
	}

}
