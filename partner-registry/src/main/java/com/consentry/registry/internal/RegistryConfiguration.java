package com.consentry.registry.internal;

import java.nio.file.Path;
import java.time.Clock;

import com.consentry.registry.RegistryProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the partner registry: its properties, the trusted directory's keys (and the demo
 * directory key of the default run), statement verification and registration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
final class RegistryConfiguration {

	@Bean
	DemoDirectoryKeys demoDirectoryKeys(RegistryProperties properties) {
		RegistryProperties.Directory directory = properties.directory();
		String folder = directory.demoKeysDirectory();
		DemoDirectoryKeys demo = new DemoDirectoryKeys((folder != null) ? Path.of(folder) : null, directory.jwksUri());
		demo.generateIfMissing();
		return demo;
	}

	/**
	 * Takes the demo keys so that they are written before the directory is first read.
	 */
	@Bean
	DirectoryKeys directoryKeys(RegistryProperties properties, DemoDirectoryKeys demoDirectoryKeys,
			ObjectProvider<Clock> clock) {
		String jwksUri = properties.directory().jwksUri();
		return new DirectoryKeys((jwksUri != null) ? JwksSource.of(jwksUri, properties.jwksFetch()) : null,
				clock(clock));
	}

	@Bean
	SoftwareStatementVerifier softwareStatementVerifier(DirectoryKeys directoryKeys, RegistryProperties properties,
			ObjectProvider<Clock> clock) {
		return new SoftwareStatementVerifier(directoryKeys, properties.directory().issuer(), clock(clock));
	}

	@Bean
	Registrations registrations(SoftwareStatementVerifier softwareStatementVerifier,
			RegisteredClientRepository registeredClientRepository, PartnerStore partnerStore,
			OrganisationStore organisationStore, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, AuthorizationServerSettings server, RegistryProperties properties,
			ObjectProvider<Clock> clock) {
		return new Registrations(softwareStatementVerifier, registeredClientRepository, partnerStore, organisationStore,
				new TransactionTemplate(transactionManager), events, server.getIssuer(), properties.autoApprove(),
				properties.allowPlainResponses(), clock(clock));
	}

	private static Clock clock(ObjectProvider<Clock> clock) {
		return clock.getIfAvailable(Clock::systemUTC);
	}

}
