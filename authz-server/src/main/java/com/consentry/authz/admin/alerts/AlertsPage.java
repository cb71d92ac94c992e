package com.consentry.authz.admin.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.consentry.authz.admin.ConsoleRequestId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code GET /admin/alerts}: the latest {@value #SHOWN} anomaly alerts the resource
 * gateway raised ({@code gateway.anomaly_alert}, newest first, with the evidence), the
 * partners it throttled and the suspensions it asked for that are still in force or not
 * applied yet, each with its review form: {@code POST /admin/alerts/clear-throttle} and
 * {@code POST /admin/alerts/lift-suspension} (the alert's id and the admin's reason;
 * {@link AnomalyReviews}). The gateway migrates schema {@code gateway}; until a gateway
 * has run on this database the page says so instead of failing.
 */
@Controller
final class AlertsPage {

	static final int SHOWN = 100;

	private static final int MAX_REASON = 2000;

	private final JdbcClient jdbc;

	private final AnomalyReviews reviews;

	AlertsPage(JdbcClient jdbc, AnomalyReviews reviews) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(reviews, "reviews cannot be null");
		this.jdbc = jdbc;
		this.reviews = reviews;
	}

	@PostMapping("/admin/alerts/clear-throttle")
	String clearThrottle(@RequestParam("alert") long alertId,
			@RequestParam(name = "reason", required = false) @Nullable String reason, Authentication admin,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return review(
				new Review(AnomalyReviews.CLEAR_THROTTLE, "clearing the throttle", this.reviews::clearThrottle,
						(clientId) -> "The throttle of " + clientId
								+ " is cleared: its own rate-limit tier applies again on every gateway instance."),
				alertId, reason, admin, request, response, model, redirect);
	}

	@PostMapping("/admin/alerts/lift-suspension")
	String liftSuspension(@RequestParam("alert") long alertId,
			@RequestParam(name = "reason", required = false) @Nullable String reason, Authentication admin,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return review(
				new Review(AnomalyReviews.LIFT_SUSPENSION, "lifting the suspension", this.reviews::liftSuspension,
						(clientId) -> "The suspension alert " + alertId + " asked for is lifted (" + clientId
								+ "); a partner it had suspended is ACTIVE again."),
				alertId, reason, admin, request, response, model, redirect);
	}

	/**
	 * One review step: a reason is required (a missing or overlong one is recorded as
	 * refused and changes nothing); the step itself may be refused with a conflict.
	 */
	private String review(Review review, long alertId, @Nullable String reason, Authentication admin,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String clientId = this.reviews.partnerOf(alertId);
		String actor = "admin:" + admin.getName();
		String given = (reason == null) ? "" : reason.strip();
		if (given.isEmpty() || given.length() > MAX_REASON) {
			this.reviews.refusedForReason(review.action(), clientId, actor, clip(given), alertId,
					ConsoleRequestId.of(request));
			return problem(response, model, HttpServletResponse.SC_BAD_REQUEST,
					"Give the reason for " + review.doing() + " (at most " + MAX_REASON + " characters).");
		}
		Optional<String> refused = review.step().apply(alertId, clientId, actor, given, ConsoleRequestId.of(request));
		if (refused.isPresent()) {
			return problem(response, model, HttpServletResponse.SC_CONFLICT, refused.get());
		}
		redirect.addFlashAttribute("notice", review.notice().apply(clientId));
		return "redirect:/admin/alerts";
	}

	private static String problem(HttpServletResponse response, Model model, int status, String problem) {
		response.setStatus(status);
		model.addAttribute("problem", problem);
		model.addAttribute("back", "/admin/alerts");
		model.addAttribute("backLabel", "Back to the alerts");
		return "admin/problem";
	}

	private static String clip(String reason) {
		return (reason.length() <= MAX_REASON) ? reason : reason.substring(0, MAX_REASON);
	}

	@GetMapping("/admin/alerts")
	String alerts(Model model) {
		boolean gatewaySeen = this.reviews.gatewaySeen();
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
		// not applied yet, or applied and the partner still suspended
		model.addAttribute("suspensions", this.jdbc.sql("""
				SELECT r.alert_id, r.client_id, r.reason, r.requested_at, r.decision IS NOT NULL AS applied
				FROM gateway.partner_suspension_request r LEFT JOIN registry.partner p ON p.client_id = r.client_id
				WHERE r.lifted_at IS NULL
				  AND (r.decided_at IS NULL OR (r.decision = 'suspended' AND p.status = 'SUSPENDED'))
				ORDER BY r.requested_at DESC""")
			.query((rs, row) -> new Suspension(rs.getLong("alert_id"), rs.getString("client_id"),
					rs.getString("reason"), rs.getTimestamp("requested_at").toInstant(), rs.getBoolean("applied")))
			.list());
		return "admin/alerts";
	}

	/** One alert as the page shows it; the evidence as the gateway wrote it (JSON). */
	record ShownAlert(long id, String clientId, String detector, Instant raisedAt, double score, String response,
			String evidence) {
	}

	record Throttle(String clientId, long alertId, Instant since) {
	}

	record Suspension(long alertId, String clientId, String reason, Instant requestedAt, boolean applied) {
	}

	/**
	 * What a review step does: its admin action, its wording, the step and its notice.
	 */
	private record Review(String action, String doing, Step step, Function<String, String> notice) {
	}

	@FunctionalInterface
	private interface Step {

		Optional<String> apply(long alertId, String clientId, String actor, String reason, String requestId);

	}

}
