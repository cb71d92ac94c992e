package com.consentry.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start unless the server binds to a loopback address: the sandbox serves
 * customer data to anyone who asks, without authentication, so it must never be reachable
 * from another machine. Checked before the web server binds its port.
 */
@Component
final class LoopbackBinding implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

	private final @Nullable String address;

	LoopbackBinding(Environment environment) {
		this.address = environment.getProperty("server.address");
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		requireLoopback(this.address);
	}

	/**
	 * @param address the configured {@code server.address}
	 * @throws IllegalStateException unless it names a loopback address
	 */
	static void requireLoopback(@Nullable String address) {
		if (address == null || address.isBlank()) {
			throw new IllegalStateException("The core-banking sandbox serves customer data without authentication "
					+ "and binds to loopback only: server.address is not set (it would listen on every address); "
					+ "set it to 127.0.0.1 or ::1");
		}
		InetAddress resolved;
		try {
			resolved = InetAddress.getByName(address.trim());
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("The core-banking sandbox binds to loopback only: server.address '"
					+ address + "' does not resolve", ex);
		}
		if (!resolved.isLoopbackAddress()) {
			throw new IllegalStateException("The core-banking sandbox serves customer data without authentication "
					+ "and binds to loopback only: server.address '" + address + "' is not a loopback address; "
					+ "set it to 127.0.0.1 or ::1");
		}
	}

}
