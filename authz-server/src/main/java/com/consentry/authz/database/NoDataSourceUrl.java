package com.consentry.authz.database;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when the environment names no external database (no
 * {@code spring.datasource.url}).
 */
final class NoDataSourceUrl implements ConfigurationCondition {

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String url = context.getEnvironment().getProperty("spring.datasource.url");
		return url == null || url.isBlank();
	}

}
