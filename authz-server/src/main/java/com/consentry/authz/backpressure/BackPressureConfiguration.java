package com.consentry.authz.backpressure;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class BackPressureConfiguration {

	/**
	 * Before every other filter (sessions, security), so their database failures are
	 * caught too.
	 */
	@Bean
	FilterRegistrationBean<BackPressureFilter> backPressureFilter(BackPressureProperties properties) {
		FilterRegistrationBean<BackPressureFilter> registration = new FilterRegistrationBean<>(
				new BackPressureFilter(properties));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
