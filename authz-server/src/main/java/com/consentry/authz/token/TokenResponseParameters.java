package com.consentry.authz.token;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.consentry.authz.par.ParameterNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Adds to the token response what FDX and RFC 9396 §7 ask for: {@code grant_id} (the
 * consent id) and the granted {@code authorization_details} with the chosen accounts.
 * Both are read from the access token being returned, which this server has just signed:
 * the response echoes exactly what the token grants, and depends on nothing else having
 * run before it. An access token without them is a bug, and fails the request.
 */
@Component
public final class TokenResponseParameters implements Consumer<OAuth2AccessTokenAuthenticationContext> {

	static final String GRANT_ID = "grant_id";

	@Override
	public void accept(OAuth2AccessTokenAuthenticationContext context) {
		OAuth2AccessTokenAuthenticationToken tokens = context.getAuthentication();
		JWTClaimsSet claims = claimsOf(tokens.getAccessToken().getTokenValue());
		Object consentId = claims.getClaim(AccessTokenClaims.FDX_CONSENT_ID);
		Object details = claims.getClaim(ParameterNames.AUTHORIZATION_DETAILS);
		if (!(consentId instanceof String) || details == null) {
			throw new IllegalStateException("an access token was issued without its consent and authorization details");
		}
		Map<String, Object> parameters = new HashMap<>(tokens.getAdditionalParameters());
		parameters.put(GRANT_ID, consentId);
		parameters.put(ParameterNames.AUTHORIZATION_DETAILS, details);
		context.getAccessTokenResponse().additionalParameters(parameters);
	}

	private static JWTClaimsSet claimsOf(String accessToken) {
		try {
			return SignedJWT.parse(accessToken).getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the access token this server issued is not a JWT", ex);
		}
	}

}
