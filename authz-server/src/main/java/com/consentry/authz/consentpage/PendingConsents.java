package com.consentry.authz.consentpage;

import java.util.Optional;

import com.consentry.authz.par.ParameterNames;
import com.consentry.consent.Consent;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.Consents;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Finds the consent a consent-page {@code state} stands for, and only for the customer
 * that state was issued to: a state is useless to anybody else.
 */
@Component
public class PendingConsents {

	private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

	private final OAuth2AuthorizationService authorizations;

	private final Consents consents;

	public PendingConsents(OAuth2AuthorizationService authorizations, Consents consents) {
		Assert.notNull(authorizations, "authorizations cannot be null");
		Assert.notNull(consents, "consents cannot be null");
		this.authorizations = authorizations;
		this.consents = consents;
	}

	public Optional<Pending> find(String state, String clientId, String customerId) {
		if (state.isEmpty() || state.length() > 200) {
			return Optional.empty();
		}
		OAuth2Authorization authorization = this.authorizations.findByToken(state, STATE);
		if (authorization == null || !authorization.getPrincipalName().equals(customerId)) {
			return Optional.empty();
		}
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		if (request == null || !request.getClientId().equals(clientId)) {
			return Optional.empty();
		}
		Object consentId = request.getAdditionalParameters().get(ParameterNames.CONSENT_ID);
		if (!(consentId instanceof String id) || !ConsentId.isWellFormed(id)) {
			return Optional.empty();
		}
		return this.consents.find(new ConsentId(id))
			.filter((consent) -> consent.status() == ConsentStatus.AWAITING_AUTHORIZATION)
			.map((consent) -> new Pending(authorization, request, consent));
	}

	public record Pending(OAuth2Authorization authorization, OAuth2AuthorizationRequest request, Consent consent) {
	}

}
