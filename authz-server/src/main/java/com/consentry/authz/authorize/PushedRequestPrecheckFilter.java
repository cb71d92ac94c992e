package com.consentry.authz.authorize;

import java.io.IOException;

import com.consentry.authz.par.ParameterNames;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before a customer is asked to sign in, checks that the pushed request named by
 * {@code request_uri} exists, belongs to the {@code client_id} and has not expired, and
 * otherwise shows the error page at once: nobody signs in (or pays for a password hash)
 * for a link that cannot work. The request is only read, never used up, so a browser's
 * prefetch burns nothing (FAPI 2.0 SP §5.3.2.2 Note 3). Signed-in customers go straight
 * to Spring Authorization Server, which makes the same checks.
 */
public final class PushedRequestPrecheckFilter extends OncePerRequestFilter {

	private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

	// Spring Authorization Server's request_uri shape (prefix, state, "___", expiry in
	// ms); its parser is
	// package-private. Every flow test opens the authorization URL signed out first, so a
	// change of shape
	// in an upgrade fails the build instead of locking customers out.
	private static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

	private static final String EXPIRY_DELIMITER = "___";

	private static final int MAX_REQUEST_URI_LENGTH = 200;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final RequestMatcher authorizationPageLoad;

	private final OAuth2AuthorizationService authorizations;

	public PushedRequestPrecheckFilter(String authorizationEndpoint, OAuth2AuthorizationService authorizations) {
		Assert.hasText(authorizationEndpoint, "authorizationEndpoint cannot be empty");
		Assert.notNull(authorizations, "authorizations cannot be null");
		// Spring Security's matcher: the decoded, normalised path the authorization
		// endpoint itself matches on
		this.authorizationPageLoad = PathPatternRequestMatcher.pathPattern(HttpMethod.GET, authorizationEndpoint);
		this.authorizations = authorizations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestUri = request.getParameter(ParameterNames.REQUEST_URI);
		boolean pageLoad = requestUri != null && this.authorizationPageLoad.matches(request);
		if (pageLoad && !this.trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())
				&& !isUsable(requestUri, request.getParameter(OAuth2ParameterNames.CLIENT_ID))) {
			AuthorizationErrorResponseHandler.writePage(response, new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
					"the request_uri is unknown, expired, already used or not this client's", null));
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isUsable(String requestUri, String clientId) {
		if (clientId == null || requestUri.length() > MAX_REQUEST_URI_LENGTH
				|| !requestUri.startsWith(REQUEST_URI_PREFIX)) {
			return false;
		}
		String state = requestUri.substring(REQUEST_URI_PREFIX.length());
		int delimiter = state.lastIndexOf(EXPIRY_DELIMITER);
		if (delimiter < 0) {
			return false;
		}
		long expiresAt;
		try {
			expiresAt = Long.parseLong(state.substring(delimiter + EXPIRY_DELIMITER.length()));
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (expiresAt <= System.currentTimeMillis()) {
			return false;
		}
		OAuth2Authorization pushed = this.authorizations.findByToken(state, STATE);
		OAuth2AuthorizationRequest pushedRequest = (pushed != null)
				? pushed.getAttribute(OAuth2AuthorizationRequest.class.getName()) : null;
		return pushedRequest != null && clientId.equals(pushedRequest.getClientId());
	}

}
