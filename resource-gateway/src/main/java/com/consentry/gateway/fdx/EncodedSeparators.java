package com.consentry.gateway.fdx;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets encoded slashes and backslashes through Tomcat undecoded, so that
 * {@link RequestAdmission} refuses them with an FDX error body: left to Tomcat, they are
 * refused too, but with an HTML page no partner's client expects.
 */
@Component
class EncodedSeparators implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addConnectorCustomizers((connector) -> {
			connector.setEncodedSolidusHandling("passthrough");
			connector.setEncodedReverseSolidusHandling("passthrough");
		});
	}

}
