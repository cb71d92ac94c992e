package com.consentry.authz.consentpage;

import com.consentry.authz.AuthorizationServerPart;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The consent step of the authorization endpoint: our consent page and the customer's
 * chosen accounts checked against the pending consent ({@link ConsentDecision}, applied
 * by the authorization endpoint's part, turns the decision into the FDX consent's state).
 */
@Component
final class ConsentPagePart implements AuthorizationServerPart {

	private final PendingConsents pendingConsents;

	private final AuthorizationServerSettings settings;

	ConsentPagePart(PendingConsents pendingConsents, AuthorizationServerSettings settings) {
		Assert.notNull(pendingConsents, "pendingConsents cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		this.pendingConsents = pendingConsents;
		this.settings = settings;
	}

	@Override
	public void configure(OAuth2AuthorizationServerConfigurer server) {
		// the decision itself is applied by the authorization endpoint's part, which owns
		// its provider list
		server.authorizationEndpoint((authorization) -> authorization.consentPage(ConsentPageController.PATH));
	}

	@Override
	public void configure(HttpSecurity http) {
		http.addFilterAfter(new ConsentSelectionFilter(this.settings.getAuthorizationEndpoint(), this.pendingConsents),
				SecurityContextHolderFilter.class);
	}

}
