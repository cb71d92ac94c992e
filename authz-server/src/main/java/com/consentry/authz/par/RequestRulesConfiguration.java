package com.consentry.authz.par;

import java.util.List;

import com.consentry.consent.ConsentLimits;
import com.consentry.consent.FdxAuthorizationDetails;
import com.consentry.registry.PartnerPolicies;
import com.consentry.registry.RegistryProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FAPI request rules and the partner's policy, checked at PAR and again at the
 * authorization endpoint.
 */
@Configuration(proxyBeanMethods = false)
class RequestRulesConfiguration {

	@Bean
	FapiAuthorizationRequestRules fapiAuthorizationRequestRules(FdxAuthorizationDetails authorizationDetails,
			RegistryProperties registry, ConsentLimits limits, PartnerPolicies policies) {
		return new FapiAuthorizationRequestRules(authorizationDetails, registry.allowPlainResponses(),
				List.of(new PartnerPolicyRule(authorizationDetails, limits, policies::forClient)));
	}

}
