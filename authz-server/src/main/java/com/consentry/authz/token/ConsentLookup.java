package com.consentry.authz.token;

import java.time.Clock;

import com.consentry.authz.par.ParameterNames;
import com.consentry.consent.Consent;
import com.consentry.consent.ConsentId;
import com.consentry.consent.Consents;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The FDX consent behind an authorization, required ACTIVE: a grant whose consent ended
 * issues nothing ({@code invalid_grant}).
 */
@Component
final class ConsentLookup {

	private final Consents consents;

	private final Clock clock;

	ConsentLookup(Consents consents, Clock clock) {
		Assert.notNull(consents, "consents cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.consents = consents;
		this.clock = clock;
	}

	Consent activeConsentOf(@Nullable OAuth2Authorization authorization) {
		OAuth2AuthorizationRequest request = (authorization != null)
				? authorization.getAttribute(OAuth2AuthorizationRequest.class.getName()) : null;
		Object id = (request != null) ? request.getAdditionalParameters().get(ParameterNames.CONSENT_ID) : null;
		if (!(id instanceof String consentId)) {
			throw invalidGrant("the grant has no consent");
		}
		// One token request asks twice (access token, refresh token): read the consent
		// once.
		Consent known = ConsentReadThisRequest.get()
			.filter((consent) -> consent.id().value().equals(consentId))
			.orElse(null);
		if (known != null && known.isActiveAt(this.clock.instant())) {
			return known;
		}
		return this.consents.find(new ConsentId(consentId))
			.filter((consent) -> consent.isActiveAt(this.clock.instant()))
			.map((consent) -> {
				ConsentReadThisRequest.set(consent);
				return consent;
			})
			.orElseThrow(() -> invalidGrant("the consent behind this grant is not active"));
	}

	static OAuth2AuthenticationException invalidGrant(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
	}

}
