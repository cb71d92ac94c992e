package com.consentry.registry.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.consentry.notifications.ChannelListener;
import com.consentry.registry.ClientCertificateAuthorities;
import com.consentry.registry.PartnerPolicies;
import com.consentry.registry.RegistryProperties;
import com.consentry.registry.internal.TrustedDirectories.TrustedDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Wires the partner registry: its properties, the trusted directories' keys (and the demo
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
	 * Every trusted directory with its keys. Takes the demo keys so that they are written
	 * before a directory is first read.
	 */
	@Bean
	TrustedDirectories trustedDirectories(RegistryProperties properties, DemoDirectoryKeys demoDirectoryKeys,
			ObjectProvider<Clock> clock) {
		List<TrustedDirectory> directories = new ArrayList<>();
		for (RegistryProperties.Directory directory : properties.trustedDirectories()) {
			String jwksUri = directory.jwksUri();
			Assert.state(jwksUri != null, "a trusted directory names its keys");
			directories.add(new TrustedDirectory(directory.issuer(),
					new DirectoryKeys(JwksSource.of(jwksUri, properties.jwksFetch()), clock(clock))));
		}
		return new TrustedDirectories(directories);
	}

	@Bean
	ClientCertificateAuthorities clientCertificateAuthorities(RegistryProperties properties) {
		return ClientCertificateAuthorities.of(properties);
	}

	@Bean
	SoftwareStatementVerifier softwareStatementVerifier(TrustedDirectories trustedDirectories,
			ObjectProvider<Clock> clock) {
		return new SoftwareStatementVerifier(trustedDirectories, clock(clock));
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

	/**
	 * Channel {@code partner_policy_changed}: a trigger on
	 * {@code registry.partner_policy} notifies it with the organisation on every change,
	 * whose policy this instance then drops; while the listener is down the cache is
	 * bypassed.
	 */
	@Bean
	ChannelListener partnerPolicyChanges(DataSource dataSource, PartnerPolicies partnerPolicies) {
		return new ChannelListener(dataSource, "partner-policy-changes", List.of("partner_policy_changed"),
				new ChannelListener.Subscriber() {

					@Override
					public void notified(String channel, String orgId) {
						partnerPolicies.evict(orgId);
					}

					@Override
					public void listening(boolean listening) {
						partnerPolicies.listening(listening);
					}

				}, Duration.ofSeconds(2));
	}

	private static Clock clock(ObjectProvider<Clock> clock) {
		return clock.getIfAvailable(Clock::systemUTC);
	}

}
