package com.consentry.authz.par;

import com.consentry.consent.ConsentId;
import com.consentry.consent.Consents;
import com.consentry.consent.FdxAuthorizationDetails;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationToken;
import org.springframework.util.Assert;

/**
 * Spring Authorization Server's PAR provider, followed by recording the FDX consent the
 * request asks for (AWAITING_AUTHORIZATION) under the consent id the converter assigned.
 * The request has passed every rule by then, so the details parse.
 */
public final class ConsentRecordingParProvider implements AuthenticationProvider {

	private final AuthenticationProvider pushedAuthorizationRequests;

	private final Consents consents;

	private final FdxAuthorizationDetails authorizationDetails;

	public ConsentRecordingParProvider(AuthenticationProvider pushedAuthorizationRequests, Consents consents,
			FdxAuthorizationDetails authorizationDetails) {
		Assert.notNull(pushedAuthorizationRequests, "pushedAuthorizationRequests cannot be null");
		Assert.notNull(consents, "consents cannot be null");
		Assert.notNull(authorizationDetails, "authorizationDetails cannot be null");
		this.pushedAuthorizationRequests = pushedAuthorizationRequests;
		this.consents = consents;
		this.authorizationDetails = authorizationDetails;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		OAuth2PushedAuthorizationRequestAuthenticationToken request = (OAuth2PushedAuthorizationRequestAuthenticationToken) authentication;
		OAuth2PushedAuthorizationRequestAuthenticationToken pushed = (OAuth2PushedAuthorizationRequestAuthenticationToken) this.pushedAuthorizationRequests
			.authenticate(request);
		ConsentId consentId = new ConsentId((String) request.getAdditionalParameters().get(ParameterNames.CONSENT_ID));
		String details = (String) request.getAdditionalParameters().get(ParameterNames.AUTHORIZATION_DETAILS);
		this.consents.request(consentId, pushed.getClientId(), this.authorizationDetails.parse(details));
		return pushed;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2PushedAuthorizationRequestAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
