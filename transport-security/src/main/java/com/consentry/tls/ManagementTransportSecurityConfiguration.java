package com.consentry.tls;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The same TLS and HSTS for a management server on a port of its own (when
 * {@code management.server.ssl.bundle} turns TLS on there): it is a child context that
 * the application's customizers and filters do not reach.
 */
@ManagementContextConfiguration(ManagementContextType.CHILD)
@ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
class ManagementTransportSecurityConfiguration {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> managementBouncyCastleTls(TlsHandshakes handshakes) {
		return (factory) -> factory
			.addConnectorCustomizers(TransportSecurityAutoConfiguration.bouncyCastleConnector(handshakes));
	}

	@Bean
	FilterRegistrationBean<StrictTransportSecurityFilter> managementStrictTransportSecurityFilter(
			TransportSecurityProperties properties) {
		return TransportSecurityAutoConfiguration.strictTransportSecurity(properties);
	}

}
