package com.consentry.authz.par;

import com.consentry.authz.AuthorizationServerPart;
import com.consentry.authz.SpringDefaults;
import com.consentry.consent.Consents;
import com.consentry.consent.FdxAuthorizationDetails;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Pushed authorization requests (RFC 9126): our converter (the DPoP key bound, a consent
 * id assigned), the FAPI request rules, and the FDX consent recorded once the request is
 * accepted.
 */
@Component
final class PushedAuthorizationPart implements AuthorizationServerPart {

	private final FapiAuthorizationRequestRules rules;

	private final Consents consents;

	private final FdxAuthorizationDetails authorizationDetails;

	PushedAuthorizationPart(FapiAuthorizationRequestRules rules, Consents consents,
			FdxAuthorizationDetails authorizationDetails) {
		Assert.notNull(rules, "rules cannot be null");
		Assert.notNull(consents, "consents cannot be null");
		Assert.notNull(authorizationDetails, "authorizationDetails cannot be null");
		this.rules = rules;
		this.consents = consents;
		this.authorizationDetails = authorizationDetails;
	}

	@Override
	public void configure(OAuth2AuthorizationServerConfigurer server) {
		server.pushedAuthorizationRequestEndpoint((par) -> par.pushedAuthorizationRequestConverters((converters) -> {
			// Ours reads every parameter Spring's does and binds the DPoP key; no other
			// may answer first
			Assert.state(!converters.isEmpty(), "Spring Authorization Server has no PAR converter to replace");
			converters.clear();
			converters.add(new ParRequestConverter());
		})
			.authenticationProviders((providers) -> SpringDefaults.replace(providers,
					OAuth2PushedAuthorizationRequestAuthenticationProvider.class, (pushed) -> {
						pushed.setAuthenticationValidator(this.rules);
						return new ConsentRecordingParProvider(pushed, this.consents, this.authorizationDetails);
					})));
	}

}
