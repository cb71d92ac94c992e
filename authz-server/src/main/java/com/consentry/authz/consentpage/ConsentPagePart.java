package com.consentry.authz.consentpage;

import com.consentry.audit.AuditTrail;
import com.consentry.authz.AuthorizationServerPart;
import com.consentry.authz.audit.CustomerPseudonyms;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The consent step of the authorization endpoint: our consent page, the customer's chosen
 * accounts checked against the pending consent, the passkey step-up a payment-network
 * consent may need ({@link ConsentStepUpFilter}) ({@link ConsentDecision}, applied by the
 * authorization endpoint's part, turns the decision into the FDX consent's state).
 */
@Component
final class ConsentPagePart implements AuthorizationServerPart {

	private final PendingConsents pendingConsents;

	private final AuthorizationServerSettings settings;

	private final ConsentStepUp stepUp;

	private final AuditTrail audit;

	private final CustomerPseudonyms pseudonyms;

	ConsentPagePart(PendingConsents pendingConsents, AuthorizationServerSettings settings, ConsentStepUp stepUp,
			AuditTrail audit, CustomerPseudonyms pseudonyms) {
		Assert.notNull(pendingConsents, "pendingConsents cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(stepUp, "stepUp cannot be null");
		Assert.notNull(audit, "audit cannot be null");
		Assert.notNull(pseudonyms, "pseudonyms cannot be null");
		this.pendingConsents = pendingConsents;
		this.settings = settings;
		this.stepUp = stepUp;
		this.audit = audit;
		this.pseudonyms = pseudonyms;
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
		http.addFilterAfter(new ConsentStepUpFilter(this.settings.getAuthorizationEndpoint(), this.pendingConsents,
				this.stepUp, this.audit, this.pseudonyms), SecurityContextHolderFilter.class);
	}

}
