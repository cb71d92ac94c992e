package com.consentry.authz.consentpage;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;
import com.consentry.authz.audit.CustomerPseudonyms;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds back an approval that {@link ConsentStepUp} says needs a passkey first: the
 * customer goes back to the consent page, which asks for it, and the authorization
 * endpoint never sees the approval, so the consent, its {@code state} and the pushed
 * request stay as they were. Each approval that needed a step-up is an audit record
 * ({@code consent.step_up}), refused or passed.
 */
final class ConsentStepUpFilter extends OncePerRequestFilter {

	static final String STEP_UP_EVENT = "consent.step_up";

	private final RequestMatcher consentAnswer;

	private final PendingConsents pendingConsents;

	private final ConsentStepUp stepUp;

	private final AuditTrail audit;

	private final CustomerPseudonyms pseudonyms;

	ConsentStepUpFilter(String authorizationEndpoint, PendingConsents pendingConsents, ConsentStepUp stepUp,
			AuditTrail audit, CustomerPseudonyms pseudonyms) {
		Assert.hasText(authorizationEndpoint, "authorizationEndpoint cannot be empty");
		this.consentAnswer = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, authorizationEndpoint);
		this.pendingConsents = pendingConsents;
		this.stepUp = stepUp;
		this.audit = audit;
		this.pseudonyms = pseudonyms;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication customer = SecurityContextHolder.getContext().getAuthentication();
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
		if (!this.consentAnswer.matches(request)
				|| !ConsentDecision.APPROVE.equals(request.getParameter(ConsentDecision.DECISION)) || state == null
				|| clientId == null || customer == null || !customer.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<PendingConsents.Pending> pending = this.pendingConsents.find(state, clientId, customer.getName())
			.filter((p) -> ConsentStepUp.includesPaymentNetworks(p.consent().request()));
		if (pending.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String consentId = pending.get().consent().id().value();
		ConsentStepUp.Need need = this.stepUp.need(pending.get().consent().request(), customer);
		if (need != ConsentStepUp.Need.NONE) {
			record(customer, consentId, "failure",
					Map.of("reason", (need == ConsentStepUp.Need.PASSKEY) ? "no_fresh_passkey" : "no_passkey"));
			ConsentPageController.sendBack(response, clientId, state, "step_up");
			return;
		}
		Instant given = this.stepUp.freshPasskey(customer);
		if (given != null) {
			boolean afterPassword = customer.getAuthorities()
				.stream()
				.anyMatch((a) -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
			record(customer, consentId, "success",
					Map.of("method", "passkey", "given", afterPassword ? "after_password" : "as_sign_in"));
		}
		chain.doFilter(request, response);
	}

	private void record(Authentication customer, String consentId, String outcome, Map<String, String> details) {
		this.audit.record(
				AuditEvent.of(STEP_UP_EVENT, Actor.customer(this.pseudonyms.of(customer.getName())), consentId, outcome)
					.withConsent(consentId)
					.withDetails(details));
	}

}
