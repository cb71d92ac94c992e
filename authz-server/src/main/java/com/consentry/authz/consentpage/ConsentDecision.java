package com.consentry.authz.consentpage;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.consentry.authz.par.ParameterNames;
import com.consentry.consent.ConsentId;
import com.consentry.consent.IllegalConsentChangeException;
import com.consentry.consent.Consents;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Spring Authorization Server's consent customizer: applies the customer's decision to
 * the FDX consent. Approve makes it ACTIVE with the chosen accounts; deny (or a selection
 * the consent service refuses) clears the granted authorities, which makes Spring answer
 * {@code access_denied}.
 */
@Component
public final class ConsentDecision implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

	/** Form field of the submit button. */
	public static final String DECISION = "decision";

	/** Form field of the account checkboxes. */
	public static final String ACCOUNT_IDS = "accountIds";

	public static final String APPROVE = "approve";

	private static final Log logger = LogFactory.getLog(ConsentDecision.class);

	private final Consents consents;

	public ConsentDecision(Consents consents) {
		Assert.notNull(consents, "consents cannot be null");
		this.consents = consents;
	}

	@Override
	public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
		ConsentId consentId = new ConsentId(
				(String) context.getAuthorizationRequest().getAdditionalParameters().get(ParameterNames.CONSENT_ID));
		String customerId = context.getAuthentication().getName();
		Object decision = submission(context).getAdditionalParameters().get(DECISION);
		if (APPROVE.equals(decision)) {
			try {
				this.consents.approve(consentId, customerId, accountIds(context));
				return;
			}
			catch (IllegalConsentChangeException ex) {
				logger.info("Consent " + consentId + " not approved: " + ex.getMessage());
			}
		}
		this.consents.deny(consentId, customerId);
		context.getAuthorizationConsent().authorities((authorities) -> authorities.clear());
	}

	private static OAuth2AuthorizationConsentAuthenticationToken submission(
			OAuth2AuthorizationConsentAuthenticationContext context) {
		return context.getAuthentication();
	}

	private static List<String> accountIds(OAuth2AuthorizationConsentAuthenticationContext context) {
		Object value = submission(context).getAdditionalParameters().get(ACCOUNT_IDS);
		if (value instanceof String single) {
			return List.of(single);
		}
		if (value instanceof String[] several) {
			return Arrays.asList(several);
		}
		return List.of();
	}

}
