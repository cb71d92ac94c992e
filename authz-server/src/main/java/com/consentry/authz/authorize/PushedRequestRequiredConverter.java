package com.consentry.authz.authorize;

import com.consentry.authz.par.ParameterNames;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * First in the authorization endpoint's converter list: refuses any authorization request
 * that does not name a pushed request (FAPI 2.0 SP §5.3.2.2(2)), and leaves the rest to
 * Spring Authorization Server's converters. The consent form's POST (it carries
 * {@code state}, no {@code response_type}) passes.
 * <p>
 * The redirect URI of such a request is not validated, so the error is shown to the user,
 * never redirected.
 */
public final class PushedRequestRequiredConverter implements AuthenticationConverter {

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		boolean consentSubmission = HttpMethod.POST.matches(request.getMethod())
				&& request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null
				&& request.getParameter(OAuth2ParameterNames.STATE) != null;
		if (consentSubmission || request.getParameter(ParameterNames.REQUEST_URI) != null) {
			return null;
		}
		throw new OAuth2AuthorizationCodeRequestAuthenticationException(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
						"authorization requests must be pushed first (PAR): send only client_id and request_uri",
						"https://datatracker.ietf.org/doc/html/rfc9126#section-4"),
				null);
	}

}
