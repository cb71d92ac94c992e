package com.consentry.authz.par;

import com.consentry.consent.FdxAuthorizationDetails;
import com.consentry.registry.RegistryProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FAPI request rules, checked at PAR and again at the authorization endpoint. */
@Configuration(proxyBeanMethods = false)
class RequestRulesConfiguration {

	@Bean
	FapiAuthorizationRequestRules fapiAuthorizationRequestRules(FdxAuthorizationDetails authorizationDetails,
			RegistryProperties registry) {
		return new FapiAuthorizationRequestRules(authorizationDetails, registry.allowPlainResponses());
	}

}
