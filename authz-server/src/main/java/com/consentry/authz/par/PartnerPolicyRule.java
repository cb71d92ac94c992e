package com.consentry.authz.par;

import java.util.Optional;
import java.util.function.Function;

import com.consentry.authz.par.AuthorizationRequestRefusedException.Reason;
import com.consentry.consent.ConsentLimits;
import com.consentry.consent.ConsentRequest;
import com.consentry.consent.DataCluster;
import com.consentry.consent.DurationType;
import com.consentry.consent.FdxAuthorizationDetails;
import com.consentry.consent.InvalidAuthorizationDetailsException;
import com.consentry.consent.RequestedResource;
import com.consentry.registry.PartnerPolicy;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.util.Assert;

import static com.consentry.authz.par.AuthorizationRequestRule.refuse;

/**
 * The bank's policy for the requesting partner's organisation: only its allowed FDX data
 * clusters, no longer a consent and no further lookback than it allows. A request beyond
 * it is refused with {@code invalid_authorization_details} naming the limit (RFC 9396
 * §5). Runs after the details were found well-formed, at PAR and again when the pushed
 * request is used, so a policy tightened meanwhile holds.
 */
final class PartnerPolicyRule implements AuthorizationRequestRule {

	private static final String RFC9396_ERRORS = "https://datatracker.ietf.org/doc/html/rfc9396#section-5";

	private final FdxAuthorizationDetails authorizationDetails;

	private final ConsentLimits limits;

	private final Function<String, Optional<PartnerPolicy>> policies;

	/**
	 * @param policies the policy of a client's organisation, empty for a client the
	 * registry does not know (refused)
	 */
	PartnerPolicyRule(FdxAuthorizationDetails authorizationDetails, ConsentLimits limits,
			Function<String, Optional<PartnerPolicy>> policies) {
		Assert.notNull(authorizationDetails, "authorizationDetails cannot be null");
		Assert.notNull(limits, "limits cannot be null");
		Assert.notNull(policies, "policies cannot be null");
		this.authorizationDetails = authorizationDetails;
		this.limits = limits;
		this.policies = policies;
	}

	@Override
	public void check(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		String clientId = context.getRegisteredClient().getClientId();
		PartnerPolicy policy = this.policies.apply(clientId)
			.orElseThrow(() -> refused(context, "the client belongs to no partner of the bank"));
		ConsentRequest request;
		try {
			OAuth2AuthorizationCodeRequestAuthenticationToken authorization = context.getAuthentication();
			Object details = authorization.getAdditionalParameters().get(ParameterNames.AUTHORIZATION_DETAILS);
			request = this.authorizationDetails.parse(String.valueOf(details));
		}
		catch (InvalidAuthorizationDetailsException ex) {
			// The details rule before this one refuses these with the parser's words.
			throw refused(context, ex.getMessage());
		}
		for (RequestedResource resource : request.resources()) {
			for (DataCluster cluster : resource.dataClusters()) {
				if (!policy.allowedDataClusters().contains(cluster.name())) {
					throw refused(context, "dataCluster " + cluster.name() + " is not allowed for this partner");
				}
			}
		}
		Integer duration = request.durationPeriod();
		if (request.durationType() == DurationType.TIME_BOUND && duration != null
				&& duration > policy.maxDurationDays()) {
			throw refused(context, "durationPeriod " + duration + " exceeds the partner's maximum of "
					+ policy.maxDurationDays() + " days");
		}
		if (request.durationType() == DurationType.PERSISTENT
				&& policy.maxDurationDays() < this.limits.maxDurationDays()) {
			// A persistent consent lasts the bank's longest; this partner may not ask for
			// that long.
			throw refused(context, "durationType PERSISTENT exceeds the partner's maximum of "
					+ policy.maxDurationDays() + " days; ask for a TIME_BOUND consent");
		}
		if (request.lookbackPeriod() > policy.maxLookbackDays()) {
			throw refused(context, "lookbackPeriod " + request.lookbackPeriod() + " exceeds the partner's maximum of "
					+ policy.maxLookbackDays() + " days");
		}
	}

	private static AuthorizationRequestRefusedException refused(
			OAuth2AuthorizationCodeRequestAuthenticationContext context, String description) {
		return refuse(context, Reason.PARTNER_POLICY_EXCEEDED, "invalid_authorization_details", description,
				RFC9396_ERRORS);
	}

}
