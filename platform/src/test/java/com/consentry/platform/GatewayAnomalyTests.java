package com.consentry.platform;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.Tokens;
import com.consentry.platform.support.Partner;
import com.consentry.platform.support.RunningPlatform;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anomaly detection's response path on the running platform: a partner walking account
 * ids through one gateway instance is throttled on both until an admin clears it in the
 * console's alerts page, with the alert, its evidence and an audit event recorded.
 */
@Tag("integration")
class GatewayAnomalyTests {

	private static final String PATH = "/fdx/v6/accounts/acc-alice-chk-01";

	@Test
	@DisplayName("Issue 11 (5): ten account ids refused on one consent throttle the partner to LIMITED on both "
			+ "instances, with the alert, its evidence and an audit event, until an admin clears the throttle on "
			+ "/admin/alerts")
	void enumerationThrottlesUntilCleared() throws Exception {
		RunningPlatform platform = RunningPlatform.get();
		Partner partner = Partner.register(platform);
		Tokens tokens = partner.consent("alice", List.of("acc-alice-chk-01"),
				Partner.accountDetails("ACCOUNT_DETAILED"));
		assertThat(burst(partner, tokens, 20)).as("STANDARD before").allMatch((status) -> status == 200);

		for (int i = 0; i < 10; i++) {
			HttpResponse<String> refused = partner.get(0, "/fdx/v6/accounts/acc-probe-" + i, tokens.accessToken());
			assertThat(refused.statusCode()).isEqualTo(404);
		}
		try (Connection db = platform.database("test")) {
			String alert = await(db, """
					SELECT detector || ' ' || response || ' ' || (evidence ->> 'refused_accounts')
					FROM gateway.anomaly_alert a JOIN gateway.partner_throttle t ON t.alert_id = a.id
					WHERE a.client_id = ?""", partner.clientId());
			assertThat(alert).isEqualTo("enumeration throttle 10");
			assertThat(await(db, "SELECT outcome FROM audit.event WHERE type = 'anomaly.detected' AND subject = ?",
					partner.clientId()))
				.isEqualTo("throttle");
			// both instances read the throttle within their refresh interval (5 s)
			Thread.sleep(6000);
			long started = System.nanoTime();
			List<Integer> statuses = burst(partner, tokens, 40);
			double seconds = (System.nanoTime() - started) / 1e9;
			long served = statuses.stream().filter((status) -> status == 200).count();
			assertThat(statuses).as("throttled").contains(429);
			// LIMITED: 5 per second, bursts of 10, per customer-partner pair
			assertThat(served).as("served in %.2f s", seconds)
				.isLessThanOrEqualTo(10 + (long) Math.ceil(5 * seconds) + 2);

			// the bank's admin reviews the alert and clears the throttle in the console
			long alertId = Long.parseLong(await(db,
					"SELECT alert_id::text FROM gateway.partner_throttle WHERE client_id = ?", partner.clientId()));
			CustomerSession admin = new CustomerSession(platform.issuer());
			HttpResponse<String> signIn = admin.get(platform.issuer().resolve("/admin/login"));
			List<Map.Entry<String, String>> credentials = new ArrayList<>(CustomerSession.hiddenFields(signIn.body()));
			credentials.add(Map.entry("username", "admin"));
			credentials.add(Map.entry("password", "admin-demo-pass"));
			assertThat(admin.post("/admin/login", credentials).uri().getPath()).isEqualTo("/admin");
			HttpResponse<String> alerts = admin.get(platform.issuer().resolve("/admin/alerts"));
			assertThat(alerts.body()).contains("data-throttle=\"" + alertId + "\"");
			HttpResponse<String> cleared = admin.post("/admin/alerts/clear-throttle",
					List.of(csrfToken(alerts.body()), Map.entry("alert", Long.toString(alertId)),
							Map.entry("reason", "Reviewed: the partner's test suite probed account ids")));
			assertThat(cleared.uri().getPath()).isEqualTo("/admin/alerts");
			assertThat(cleared.body()).contains("is cleared");
			assertThat(
					count(db, "SELECT count(*) FROM gateway.partner_throttle WHERE client_id = ?", partner.clientId()))
				.isZero();
			// both instances hear partner_throttle_changed at once; the refresh (5 s) is
			// the bound
			Thread.sleep(6000);
			assertThat(burst(partner, tokens, 20)).as("STANDARD again").allMatch((status) -> status == 200);
		}
	}

	private static Map.Entry<String, String> csrfToken(String page) {
		return CustomerSession.hiddenFields(page)
			.stream()
			.filter((field) -> field.getKey().equals("_csrf"))
			.findFirst()
			.orElseThrow();
	}

	private static long count(Connection db, String sql, String parameter) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(sql)) {
			query.setString(1, parameter);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static List<Integer> burst(Partner partner, Tokens tokens, int count) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			statuses.add(partner.get(i % 2, PATH, tokens.accessToken()).statusCode());
		}
		return statuses;
	}

	/** The first column of the query's first row, waiting up to 10 s for it. */
	private static String await(Connection db, String sql, String parameter) throws SQLException, InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			try (PreparedStatement query = db.prepareStatement(sql)) {
				query.setString(1, parameter);
				try (ResultSet row = query.executeQuery()) {
					if (row.next()) {
						return row.getString(1);
					}
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("nothing after 10 s: " + sql);
	}

}
