package com.consentry.authz.par;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.util.Assert;

/**
 * An authorization request was refused by one of {@link FapiAuthorizationRequestRules},
 * for a {@link Reason}. It is Spring Authorization Server's own exception for a refused
 * request, so the endpoints answer it as before (a JSON error at PAR, a redirect or an
 * error page at the authorization endpoint); the reason is for tests and logs, the
 * {@link OAuth2Error} for the client.
 */
public final class AuthorizationRequestRefusedException extends OAuth2AuthorizationCodeRequestAuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Which rule refused the request. */
	public enum Reason {

		/**
		 * RFC 6749 §3.1.2.3 (Spring Authorization Server): the redirect URI is not one
		 * the client registered, or is missing where the request needs one.
		 */
		REDIRECT_URI_NOT_REGISTERED,

		/** RFC 6749 §3.3 (Spring Authorization Server): a scope the client lacks. */
		SCOPE_NOT_REGISTERED,

		/** FAPI 2.0 SP §5.3.2.2(6): no {@code redirect_uri}. */
		REDIRECT_URI_MISSING,

		/** FAPI 2.0 SP §5.3.2.2(5), RFC 7636 §4.4.1: no {@code code_challenge}. */
		PKCE_CHALLENGE_MISSING,

		/** FAPI 2.0 SP §5.3.2.2(5): a {@code code_challenge_method} other than S256. */
		PKCE_METHOD_NOT_S256,

		/**
		 * FAPI 2.0 MS §5.4.1: a response mode the bank's policy refuses (plain
		 * {@code query} where JARM is required of everyone, or an unknown mode).
		 */
		RESPONSE_MODE_NOT_ALLOWED,

		/** FAPI 2.0 MS §5.3.3, JARM §2.3: a response mode the client did not register. */
		RESPONSE_MODE_NOT_REGISTERED,

		/**
		 * FAPI 2.0 SP §5.3.2.1(12), RFC 9449 §10: neither a DPoP proof nor a well-formed
		 * {@code dpop_jkt} binds the code to a key.
		 */
		DPOP_KEY_NOT_BOUND,

		/** RFC 9396 §5: no {@code authorization_details}. */
		AUTHORIZATION_DETAILS_MISSING,

		/**
		 * RFC 9396 §5: {@code authorization_details} that are not a valid FDX request.
		 */
		AUTHORIZATION_DETAILS_INVALID,

		/** OIDC Core §3.1.2.1: the scope lacks {@code openid}. */
		OPENID_SCOPE_MISSING,

		/** FDX: an {@code fdx:*:read} scope asks for a cluster the details do not. */
		SCOPE_DISAGREES_WITH_DETAILS,

		/**
		 * RFC 9396 §5: the details ask for more than the partner's policy allows (a data
		 * cluster, the duration or the lookback).
		 */
		PARTNER_POLICY_EXCEEDED

	}

	private final Reason reason;

	AuthorizationRequestRefusedException(Reason reason, OAuth2Error error,
			@Nullable OAuth2AuthorizationCodeRequestAuthenticationToken request) {
		super(error, request);
		Assert.notNull(reason, "reason cannot be null");
		this.reason = reason;
	}

	AuthorizationRequestRefusedException(Reason reason, OAuth2AuthorizationCodeRequestAuthenticationException cause) {
		super(cause.getError(), cause, cause.getAuthorizationCodeRequestAuthentication());
		Assert.notNull(reason, "reason cannot be null");
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
