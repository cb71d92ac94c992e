package com.consentry.authz.par;

import java.util.function.Consumer;

import com.consentry.authz.errors.ErrorDescription;
import com.consentry.authz.par.AuthorizationRequestRefusedException.Reason;

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
	 * Throws {@link AuthorizationRequestRefusedException} when the request breaks the
	 * rule.
	 */
	void check(OAuth2AuthorizationCodeRequestAuthenticationContext context);

	/**
	 * The error this rule raises, carrying the request so the error can go back to the
	 * client, and the reason so a test can tell which rule fired. The description may
	 * quote what the client sent; it leaves here {@linkplain ErrorDescription#safe safe},
	 * whichever way it then goes back (a JSON body at PAR, a redirect or JARM response at
	 * the authorization endpoint).
	 */
	static AuthorizationRequestRefusedException refuse(OAuth2AuthorizationCodeRequestAuthenticationContext context,
			Reason reason, String errorCode, String description, String uri) {
		return new AuthorizationRequestRefusedException(reason,
				new OAuth2Error(errorCode, ErrorDescription.safe(description), uri), context.getAuthentication());
	}

	/**
	 * One of Spring Authorization Server's checks as a rule: its refusal, unchanged for
	 * the client (including whether it may redirect), tagged with the reason.
	 */
	static AuthorizationRequestRule of(Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> check,
			Reason reason) {
		return (context) -> {
			try {
				check.accept(context);
			}
			catch (AuthorizationRequestRefusedException ex) {
				throw ex;
			}
			catch (OAuth2AuthorizationCodeRequestAuthenticationException ex) {
				throw new AuthorizationRequestRefusedException(reason, ex);
			}
		};
	}

}
