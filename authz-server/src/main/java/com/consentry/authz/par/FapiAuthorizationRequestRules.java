package com.consentry.authz.par;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.consentry.authz.par.AuthorizationRequestRefusedException.Reason;
import com.consentry.consent.ConsentRequest;
import com.consentry.consent.DataCluster;
import com.consentry.consent.FdxAuthorizationDetails;
import com.consentry.consent.InvalidAuthorizationDetailsException;
import com.consentry.consent.RequestedResource;
import com.consentry.registry.FapiClientSettings;
import com.consentry.registry.FapiPolicy;

import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.util.Assert;

import static com.consentry.authz.par.AuthorizationRequestRule.refuse;

/**
 * The ordered rules every authorization request passes, at PAR and again at the
 * authorization endpoint. The table in {@link #rules} is the whole policy: Spring
 * Authorization Server's redirect URI and scope checks first, then FAPI 2.0 and FDX
 * rules, each citing its source.
 */
public final class FapiAuthorizationRequestRules
		implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	private static final String RFC6749_ERRORS = "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1";

	private static final String RFC9396_ERRORS = "https://datatracker.ietf.org/doc/html/rfc9396#section-5";

	private static final Pattern JKT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final Pattern FDX_SCOPE = Pattern.compile("fdx:([a-z]+):read");

	private static final Set<String> JARM_RESPONSE_MODES = Set.copyOf(FapiPolicy.JARM_RESPONSE_MODES);

	private static final String PLAIN_RESPONSE_MODE = FapiPolicy.PLAIN_RESPONSE_MODE;

	private final FdxAuthorizationDetails authorizationDetails;

	private final boolean plainResponsesAllowed;

	private final List<AuthorizationRequestRule> rules;

	/**
	 * @param authorizationDetails the FDX details parser
	 * @param plainResponsesAllowed the bank's policy
	 * ({@code consentry.registry.allow-plain-responses}): whether a client registered for
	 * plain {@code query} responses may use them, or JARM is required of everyone
	 */
	public FapiAuthorizationRequestRules(FdxAuthorizationDetails authorizationDetails, boolean plainResponsesAllowed) {
		this(authorizationDetails, plainResponsesAllowed, List.of());
	}

	/**
	 * @param authorizationDetails the FDX details parser
	 * @param plainResponsesAllowed the bank's policy on plain responses
	 * @param bankRules the bank's own rules (the partner's policy), run after the FAPI
	 * and FDX rules
	 */
	FapiAuthorizationRequestRules(FdxAuthorizationDetails authorizationDetails, boolean plainResponsesAllowed,
			List<AuthorizationRequestRule> bankRules) {
		Assert.notNull(authorizationDetails, "authorizationDetails cannot be null");
		Assert.notNull(bankRules, "bankRules cannot be null");
		this.authorizationDetails = authorizationDetails;
		this.plainResponsesAllowed = plainResponsesAllowed;
		List<AuthorizationRequestRule> rules = new ArrayList<>(List.of(
				// RFC 6749 §3.1.2.3 exact redirect_uri match, registered scopes (Spring
				// Authorization Server's two default checks, in its order)
				AuthorizationRequestRule.of(
						OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR,
						Reason.REDIRECT_URI_NOT_REGISTERED),
				AuthorizationRequestRule.of(
						OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR,
						Reason.SCOPE_NOT_REGISTERED),
				FapiAuthorizationRequestRules::redirectUriRequired, FapiAuthorizationRequestRules::pkceS256Required,
				this::responseModeRegistered, FapiAuthorizationRequestRules::dpopKeyBound,
				this::fdxAuthorizationDetails, this::scopeAgreesWithDetails));
		rules.addAll(bankRules);
		this.rules = List.copyOf(rules);
	}

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		for (AuthorizationRequestRule rule : this.rules) {
			rule.check(context);
		}
	}

	// FAPI 2.0 SP §5.3.2.2(6): redirect_uri is required in the pushed request.
	static void redirectUriRequired(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		if (request(context).getRedirectUri() == null) {
			throw refuse(context, Reason.REDIRECT_URI_MISSING, OAuth2ErrorCodes.INVALID_REQUEST,
					"redirect_uri is required", RFC6749_ERRORS);
		}
	}

	// FAPI 2.0 SP §5.3.2.2(5): PKCE with S256 only.
	static void pkceS256Required(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		Object challenge = parameter(context, PkceParameterNames.CODE_CHALLENGE);
		Object method = parameter(context, PkceParameterNames.CODE_CHALLENGE_METHOD);
		if (!(challenge instanceof String value) || value.isBlank()) {
			throw refuse(context, Reason.PKCE_CHALLENGE_MISSING, OAuth2ErrorCodes.INVALID_REQUEST,
					"code_challenge is required (PKCE)", "https://datatracker.ietf.org/doc/html/rfc7636#section-4.4.1");
		}
		if (!"S256".equals(method)) {
			throw refuse(context, Reason.PKCE_METHOD_NOT_S256, OAuth2ErrorCodes.INVALID_REQUEST,
					"code_challenge_method must be S256",
					"https://datatracker.ietf.org/doc/html/rfc7636#section-4.4.1");
		}
	}

	// FAPI 2.0 MS §5.3.3 / JARM §2.3: the response mode must be one the client registered
	// (default jwt);
	// FAPI 2.0 MS §5.4.1: JARM is required, plain query only where the bank's policy
	// still allows it (a client
	// registered for it under an earlier policy is held to the current one).
	void responseModeRegistered(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		Object requested = parameter(context, ParameterNames.RESPONSE_MODE);
		String mode = (requested instanceof String value) ? value : PLAIN_RESPONSE_MODE;
		boolean allowed = JARM_RESPONSE_MODES.contains(mode)
				|| (this.plainResponsesAllowed && PLAIN_RESPONSE_MODE.equals(mode));
		// one description for both: the client learns what to fix, not the bank's policy
		// history
		if (!allowed) {
			throw refuse(context, Reason.RESPONSE_MODE_NOT_ALLOWED, OAuth2ErrorCodes.INVALID_REQUEST,
					responseModeNotRegistered(mode), RFC6749_ERRORS);
		}
		if (!FapiClientSettings.responseModes(context.getRegisteredClient()).contains(mode)) {
			throw refuse(context, Reason.RESPONSE_MODE_NOT_REGISTERED, OAuth2ErrorCodes.INVALID_REQUEST,
					responseModeNotRegistered(mode), RFC6749_ERRORS);
		}
	}

	private static String responseModeNotRegistered(String mode) {
		return "response_mode " + mode + " is not registered for this client";
	}

	// FAPI 2.0 SP §5.3.2.1(12), RFC 9449 §10: the code is bound to the client's DPoP key;
	// an mTLS client's code is bound by its client authentication (RFC 8705 §3).
	static void dpopKeyBound(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		if (FapiClientSettings.certificateBoundAccessTokens(context.getRegisteredClient())) {
			return;
		}
		Object jkt = parameter(context, ParameterNames.DPOP_JKT);
		if (!(jkt instanceof String value) || !JKT.matcher(value).matches()) {
			throw refuse(context, Reason.DPOP_KEY_NOT_BOUND, OAuth2ErrorCodes.INVALID_REQUEST,
					"a DPoP proof or a dpop_jkt parameter (RFC 7638 SHA-256 thumbprint) is required",
					"https://datatracker.ietf.org/doc/html/rfc9449#section-10");
		}
	}

	// RFC 9396 §5: exactly one valid fdx_v1.0 detail, within the bank's limits.
	void fdxAuthorizationDetails(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		parseDetails(context);
	}

	// FDX: scopes, if sent, must agree with the details; the details decide what is
	// consented.
	void scopeAgreesWithDetails(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = request(context);
		if (!request.getScopes().contains(OidcScopes.OPENID)) {
			throw refuse(context, Reason.OPENID_SCOPE_MISSING, OAuth2ErrorCodes.INVALID_SCOPE,
					"scope must include openid", RFC6749_ERRORS);
		}
		ConsentRequest consentRequest = parseDetails(context);
		Set<String> requestedClusters = consentRequest.resources()
			.stream()
			.map(RequestedResource::dataClusters)
			.flatMap(Set::stream)
			.map((cluster) -> cluster.name().replace("_", "").toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		for (String scope : request.getScopes()) {
			Matcher matcher = FDX_SCOPE.matcher(scope);
			if (matcher.matches() && !requestedClusters.contains(clusterOfScope(matcher.group(1)))) {
				throw refuse(context, Reason.SCOPE_DISAGREES_WITH_DETAILS, OAuth2ErrorCodes.INVALID_SCOPE,
						"scope " + scope + " asks for a data cluster the authorization_details do not request",
						RFC6749_ERRORS);
			}
		}
	}

	private ConsentRequest parseDetails(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		Object details = parameter(context, ParameterNames.AUTHORIZATION_DETAILS);
		if (!(details instanceof String value)) {
			throw refuse(context, Reason.AUTHORIZATION_DETAILS_MISSING, "invalid_authorization_details",
					"authorization_details of type " + FdxAuthorizationDetails.TYPE + " are required", RFC9396_ERRORS);
		}
		try {
			return this.authorizationDetails.parse(value);
		}
		catch (InvalidAuthorizationDetailsException ex) {
			throw refuse(context, Reason.AUTHORIZATION_DETAILS_INVALID, "invalid_authorization_details",
					ex.getMessage(), RFC9396_ERRORS);
		}
	}

	// FDX scope names drop the underscores of cluster names; "accountdetail" is a known
	// variant.
	private static String clusterOfScope(String scopeName) {
		return "accountdetail".equals(scopeName)
				? DataCluster.ACCOUNT_DETAILED.name().replace("_", "").toLowerCase(Locale.ROOT) : scopeName;
	}

	private static OAuth2AuthorizationCodeRequestAuthenticationToken request(
			OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		return context.getAuthentication();
	}

	private static Object parameter(OAuth2AuthorizationCodeRequestAuthenticationContext context, String name) {
		return request(context).getAdditionalParameters().get(name);
	}

}
