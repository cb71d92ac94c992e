package com.consentry.authz.par;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;

/**
 * One check of an authorization request, run the same way at the PAR endpoint and when
 * the pushed request is used at the authorization endpoint.
 */
@FunctionalInterface
public interface AuthorizationRequestRule {

	/**
	 * Throws {@link OAuth2AuthorizationCodeRequestAuthenticationException} when the
	 * request breaks the rule.
	 */
	void check(OAuth2AuthorizationCodeRequestAuthenticationContext context);

	/**
	 * The error this rule raises, carrying the request so the error can go back to the
	 * client.
	 */
	static OAuth2AuthorizationCodeRequestAuthenticationException refuse(
			OAuth2AuthorizationCodeRequestAuthenticationContext context, String errorCode, String description,
			String uri) {
		return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(errorCode, description, uri),
				context.getAuthentication());
	}

}
