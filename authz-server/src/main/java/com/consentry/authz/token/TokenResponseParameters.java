package com.consentry.authz.token;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.consentry.authz.par.ParameterNames;
import com.consentry.consent.FdxAuthorizationDetails;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Adds to the token response what FDX and RFC 9396 §7 ask for: {@code grant_id} (the
 * consent id) and the granted {@code authorization_details} with the chosen accounts.
 */
@Component
public final class TokenResponseParameters implements Consumer<OAuth2AccessTokenAuthenticationContext> {

	static final String GRANT_ID = "grant_id";

	@Override
	public void accept(OAuth2AccessTokenAuthenticationContext context) {
		GrantedConsent.get().ifPresent((consent) -> {
			Map<String, Object> parameters = new HashMap<>(
					((OAuth2AccessTokenAuthenticationToken) context.getAuthentication()).getAdditionalParameters());
			parameters.put(GRANT_ID, consent.id().value());
			parameters.put(ParameterNames.AUTHORIZATION_DETAILS, FdxAuthorizationDetails.granted(consent));
			context.getAccessTokenResponse().additionalParameters(parameters);
		});
	}

}
