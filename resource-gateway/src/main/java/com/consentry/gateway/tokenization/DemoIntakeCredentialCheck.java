package com.consentry.gateway.tokenization;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;

import com.consentry.gateway.GatewayProperties;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with the default run's demo payment-intake credential anywhere but on
 * this machine: the credential is public, and it maps tokens back to account numbers. So
 * both the issuer and the management port the endpoint listens on
 * ({@code management.server.address}; unset, it listens on every interface) must be
 * loopback.
 */
@Component
class DemoIntakeCredentialCheck implements InitializingBean {

	/** SHA-256 of {@code demo-payment-intake-credential}, the default run's. */
	static final String DEMO_HASH = "51ba006649b3c9cf810a16dd508d840bb286539bb65a0b0b20802fd544c779ec";

	private final TokenizationProperties tokenization;

	private final GatewayProperties gateway;

	private final Environment environment;

	DemoIntakeCredentialCheck(TokenizationProperties tokenization, GatewayProperties gateway, Environment environment) {
		this.tokenization = tokenization;
		this.gateway = gateway;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		byte[] demo = HexFormat.of().parseHex(DEMO_HASH);
		boolean demoConfigured = this.tokenization.credentialHashes()
			.values()
			.stream()
			.anyMatch((hash) -> Arrays.equals(hash, demo));
		if (!demoConfigured) {
			return;
		}
		if (!isLoopback(this.gateway.issuer().getHost())) {
			throw new IllegalStateException(
					"The default run's demo payment-intake credential is refused with issuer " + this.gateway.issuer()
							+ ": configure consentry.gateway.tokenization.intake-credentials of your own");
		}
		String management = this.environment.getProperty("management.server.address");
		if (management == null || management.isBlank() || !isLoopback(management.strip())) {
			throw new IllegalStateException(
					"The default run's demo payment-intake credential is refused with management.server.address "
							+ management + " (not loopback): configure "
							+ "consentry.gateway.tokenization.intake-credentials of your own");
		}
	}

	private static boolean isLoopback(String host) {
		try {
			return host != null && InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
