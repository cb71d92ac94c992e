package com.consentry.consent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The consent module's beans that are not components of their own. */
@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

	@Bean
	FdxAuthorizationDetails fdxAuthorizationDetails(ConsentLimits limits) {
		return new FdxAuthorizationDetails(limits);
	}

}
