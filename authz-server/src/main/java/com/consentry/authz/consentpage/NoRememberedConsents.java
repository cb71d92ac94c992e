package com.consentry.authz.consentpage;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Component;

/**
 * Spring Authorization Server's remembered consents, deliberately not kept. Spring
 * remembers which scopes a customer once granted a client so it can skip the consent page
 * next time; FDX asks the customer for every authorization (each one creates its own
 * consent, with its own accounts, clusters and duration), and what was agreed is recorded
 * as that FDX consent in the consent service. Keeping Spring's record as well would be a
 * second, misleading truth, and a write per approval that two concurrent approvals of one
 * customer and partner raced on ({@code INSERT} after a read found nothing).
 */
@Component
final class NoRememberedConsents implements OAuth2AuthorizationConsentService {

	@Override
	public void save(OAuth2AuthorizationConsent authorizationConsent) {
		// nothing to remember: the FDX consent is the record (see the class comment)
	}

	@Override
	public void remove(OAuth2AuthorizationConsent authorizationConsent) {
		// nothing was remembered
	}

	@Override
	public @Nullable OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		return null;
	}

}
