package com.consentry.tls;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.DispatcherType;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Transport security for a servlet application on Tomcat: wherever Spring Boot serves TLS
 * (an SSL bundle through {@code server.ssl.bundle}), BouncyCastle's JSSE under the FAPI
 * policy serves it, handshakes are counted, and every https response carries HSTS.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
@EnableConfigurationProperties(TransportSecurityProperties.class)
public class TransportSecurityAutoConfiguration {

	@Bean
	TlsHandshakes tlsHandshakes(ObjectProvider<MeterRegistry> registry) {
		return new TlsHandshakes(registry.getIfAvailable(() -> Metrics.globalRegistry));
	}

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> bouncyCastleTls(TlsHandshakes handshakes) {
		return (factory) -> factory.addConnectorCustomizers(bouncyCastleConnector(handshakes));
	}

	@Bean
	FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurityFilter(
			TransportSecurityProperties properties) {
		return strictTransportSecurity(properties);
	}

	/** HSTS on every https response of a server (the application's, or management's). */
	static FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurity(
			TransportSecurityProperties properties) {
		FilterRegistrationBean<StrictTransportSecurityFilter> registration = new FilterRegistrationBean<>(
				new StrictTransportSecurityFilter(properties.hsts().headerValue()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	/**
	 * Points a TLS connector (set up by Boot from its SSL bundle before this runs) at
	 * BCJSSE. Boot's bundle reload keeps the same host configuration and has Tomcat build
	 * its context again, through the same implementation.
	 */
	static TomcatConnectorCustomizer bouncyCastleConnector(TlsHandshakes handshakes) {
		return (connector) -> {
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> protocol
					&& protocol.isSSLEnabled()) {
				protocol.setSslImplementationName(BouncyCastleJsseImplementation.class.getName());
				for (SSLHostConfig host : protocol.findSslHostConfigs()) {
					BouncyCastleJsseImplementation.applyPolicy(host);
					BouncyCastleJsseImplementation.observe(host, handshakes);
				}
			}
		};
	}

}
