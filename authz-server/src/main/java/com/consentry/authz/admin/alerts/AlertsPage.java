package com.consentry.authz.admin.alerts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /admin/alerts}: the latest {@value #SHOWN} anomaly alerts the resource
 * gateway raised ({@code gateway.anomaly_alert}, newest first, with the evidence), the
 * partners it throttled and the suspensions it asked for that nobody decided yet. The
 * gateway migrates schema {@code gateway}; until a gateway has run on this database the
 * page says so instead of failing.
 */
@Controller
final class AlertsPage {

	static final int SHOWN = 100;

	private final JdbcClient jdbc;

	AlertsPage(JdbcClient jdbc) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		this.jdbc = jdbc;
	}

	@GetMapping("/admin/alerts")
	String alerts(Model model) {
		boolean gatewaySeen = this.jdbc.sql("SELECT to_regclass('gateway.anomaly_alert') IS NOT NULL")
			.query(Boolean.class)
			.single();
		model.addAttribute("gatewaySeen", gatewaySeen);
		if (!gatewaySeen) {
			model.addAttribute("alerts", List.of());
			model.addAttribute("throttles", List.of());
			model.addAttribute("suspensions", List.of());
			return "admin/alerts";
		}
		model.addAttribute("alerts",
				this.jdbc.sql("""
						SELECT id, client_id, detector, raised_at, score, response, evidence::text AS evidence
						FROM gateway.anomaly_alert ORDER BY raised_at DESC, id DESC LIMIT :shown""")
					.param("shown", SHOWN)
					.query((rs, row) -> new ShownAlert(rs.getLong("id"), rs.getString("client_id"),
							rs.getString("detector"), rs.getTimestamp("raised_at").toInstant(), rs.getDouble("score"),
							rs.getString("response"), rs.getString("evidence")))
					.list());
		model.addAttribute("throttles",
				this.jdbc.sql("SELECT client_id, alert_id, since FROM gateway.partner_throttle ORDER BY since DESC")
					.query((rs, row) -> new Throttle(rs.getString("client_id"), rs.getLong("alert_id"),
							rs.getTimestamp("since").toInstant()))
					.list());
		model.addAttribute("suspensions",
				this.jdbc.sql("""
						SELECT alert_id, client_id, reason, requested_at FROM gateway.partner_suspension_request
						WHERE decided_at IS NULL ORDER BY requested_at DESC""")
					.query((rs, row) -> new Suspension(rs.getLong("alert_id"), rs.getString("client_id"),
							rs.getString("reason"), rs.getTimestamp("requested_at").toInstant()))
					.list());
		return "admin/alerts";
	}

	/** One alert as the page shows it; the evidence as the gateway wrote it (JSON). */
	record ShownAlert(long id, String clientId, String detector, Instant raisedAt, double score, String response,
			String evidence) {
	}

	record Throttle(String clientId, long alertId, Instant since) {
	}

	record Suspension(long alertId, String clientId, String reason, Instant requestedAt) {
	}

}
