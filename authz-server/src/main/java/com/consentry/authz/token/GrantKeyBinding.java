package com.consentry.authz.token;

import java.util.Map;

import com.consentry.fapi.dpop.DpopProof;
import com.consentry.authz.par.ParameterNames;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * The key a grant is bound to (RFC 9449): a code to the {@code dpop_jkt} its pushed
 * request carried (§10), a refresh token to the key of the access tokens it was issued
 * with (§5). A token request whose proof was made with any other key gets nothing.
 */
final class GrantKeyBinding {

	private GrantKeyBinding() {
	}

	static void check(AuthorizationGrantType grantType, OAuth2Authorization authorization, DpopProof proof) {
		if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(grantType)) {
			OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
			Object boundJkt = (request != null) ? request.getAdditionalParameters().get(ParameterNames.DPOP_JKT) : null;
			// RFC 9449 §10: the token request's proof key must be the one the code was
			// bound to
			if (!proof.jkt().equals(boundJkt)) {
				throw ConsentLookup.invalidGrant("the DPoP key is not the one this authorization code is bound to");
			}
		}
		else if (AuthorizationGrantType.REFRESH_TOKEN.equals(grantType)) {
			OAuth2Authorization.Token<OAuth2AccessToken> previous = authorization.getAccessToken();
			Object cnf = (previous != null) ? previous.getClaims().get(AccessTokenClaims.CNF) : null;
			Object boundJkt = (cnf instanceof Map<?, ?> map) ? map.get(AccessTokenClaims.JKT) : null;
			// The refresh token is bound to the key of the access tokens it was issued
			// with
			if (!proof.jkt().equals(boundJkt)) {
				throw ConsentLookup.invalidGrant("the DPoP key is not the one this refresh token is bound to");
			}
		}
		else {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE);
		}
	}

}
