package com.consentry.authz.consentpage;

import java.io.IOException;
import java.util.Arrays;

import com.consentry.consent.ResourceType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An approval that picks no account, for a request that asks for account data, goes back
 * to the consent page with a message instead of ending the flow: a slip of the
 * customer's, not a refusal.
 */
public final class ConsentSelectionFilter extends OncePerRequestFilter {

	private final RequestMatcher consentAnswer;

	private final PendingConsents pendingConsents;

	public ConsentSelectionFilter(String authorizationEndpoint, PendingConsents pendingConsents) {
		Assert.hasText(authorizationEndpoint, "authorizationEndpoint cannot be empty");
		Assert.notNull(pendingConsents, "pendingConsents cannot be null");
		// Spring Security's matcher: the decoded, normalised path the authorization
		// endpoint itself matches on
		this.consentAnswer = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, authorizationEndpoint);
		this.pendingConsents = pendingConsents;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication customer = SecurityContextHolder.getContext().getAuthentication();
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
		boolean emptyApproval = this.consentAnswer.matches(request)
				&& ConsentDecision.APPROVE.equals(request.getParameter(ConsentDecision.DECISION))
				&& noAccountChosen(request.getParameterValues(ConsentDecision.ACCOUNT_IDS)) && state != null
				&& clientId != null && customer != null && customer.isAuthenticated();
		if (emptyApproval && this.pendingConsents.find(state, clientId, customer.getName())
			.filter((pending) -> !pending.consent().request().clustersFor(ResourceType.ACCOUNT).isEmpty())
			.isPresent()) {
			ConsentPageController.sendBack(response, clientId, state, "no_account");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean noAccountChosen(String[] accountIds) {
		return accountIds == null || Arrays.stream(accountIds).allMatch(String::isBlank);
	}

}
