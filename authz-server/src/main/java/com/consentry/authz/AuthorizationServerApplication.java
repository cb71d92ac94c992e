package com.consentry.authz;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Consentry authorization server: FAPI 2.0 endpoints, the consent service, the
 * partner registry and the customer-facing pages in one deployable.
 */
@SpringBootApplication(scanBasePackages = "com.consentry")
@ConfigurationPropertiesScan("com.consentry")
@EnableScheduling
public class AuthorizationServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(AuthorizationServerApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
