package com.consentry.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
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
	 * @throws NotLoopback unless it names a loopback address
	 */
	static void requireLoopback(@Nullable String address) {
		if (address == null || address.isBlank()) {
			throw new NotLoopback("server.address is not set (it would listen on every address)");
		}
		InetAddress resolved;
		try {
			resolved = InetAddress.getByName(address.trim());
		}
		catch (UnknownHostException ex) {
			throw new NotLoopback("server.address '" + address + "' does not resolve");
		}
		if (!resolved.isLoopbackAddress()) {
			throw new NotLoopback("server.address '" + address + "' is not a loopback address");
		}
	}

	/** The start was refused: the configured address is not loopback. */
	static final class NotLoopback extends IllegalStateException {

		NotLoopback(String problem) {
			super("The core-banking sandbox serves customer data without authentication and binds to loopback "
					+ "only: " + problem + "; set server.address (SERVER_ADDRESS) to 127.0.0.1 or ::1");
		}

	}

	/**
	 * Prints the refusal as Boot's "APPLICATION FAILED TO START" report, not a stack
	 * trace.
	 */
	static final class NotLoopbackAnalyzer extends AbstractFailureAnalyzer<NotLoopback> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, NotLoopback cause) {
			return new FailureAnalysis(cause.getMessage(), "Bind the sandbox to a loopback address, e.g. "
					+ "server.address=127.0.0.1; put a gateway in front of it to serve other machines.", cause);
		}

	}

}
