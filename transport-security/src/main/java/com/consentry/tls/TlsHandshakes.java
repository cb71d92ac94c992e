package com.consentry.tls;

import java.lang.reflect.Method;

import javax.net.ssl.SSLEngine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.bouncycastle.jsse.BCSSLConnection;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.TlsContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completed TLS handshakes of the server: each one a DEBUG line on
 * {@code com.consentry.tls.TlsHandshakes} and a count in
 * {@code consentry.tls.handshakes{group, protocol}}, so operators see how many clients
 * already use the post-quantum group.
 * <p>
 * BCJSSE's public API does not name the negotiated group; its connection's TLS context
 * (protected) does, so it is read reflectively. TLS 1.2 key exchanges have no group in
 * BouncyCastle's records and count as {@code unknown}, as does any handshake should a
 * BouncyCastle upgrade move that method.
 */
public final class TlsHandshakes {

	/** The counter's name. */
	public static final String METRIC = "consentry.tls.handshakes";

	private static final Logger logger = LoggerFactory.getLogger(TlsHandshakes.class);

	private static final @Nullable Method TLS_CONTEXT = tlsContextMethod();

	private final MeterRegistry registry;

	TlsHandshakes(MeterRegistry registry) {
		this.registry = registry;
	}

	/** For a server whose connector was not set up by this module's customizer. */
	static TlsHandshakes unregistered() {
		return new TlsHandshakes(Metrics.globalRegistry);
	}

	/** Records a completed handshake; never fails it. */
	void completed(SSLEngine engine) {
		try {
			record(engine);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record a TLS handshake", ex);
		}
	}

	private void record(SSLEngine engine) {
		String protocol = String.valueOf(engine.getSession().getProtocol());
		String group = negotiatedGroup(engine);
		this.registry.counter(METRIC, "group", group, "protocol", protocol).increment();
		if (logger.isDebugEnabled()) {
			logger.debug("TLS handshake: {} {} group {}", protocol, engine.getSession().getCipherSuite(), group);
		}
	}

	static String negotiatedGroup(SSLEngine engine) {
		if (TLS_CONTEXT == null || !(engine instanceof BCSSLEngine bouncyCastle)) {
			return "unknown";
		}
		BCSSLConnection connection = bouncyCastle.getConnection();
		if (connection == null) {
			return "unknown";
		}
		try {
			TlsContext context = (TlsContext) TLS_CONTEXT.invoke(connection);
			int group = context.getSecurityParametersConnection().getNegotiatedGroup();
			if (!NamedGroup.refersToASpecificGroup(group)) {
				return "unknown";
			}
			// the names JSSE and FapiTlsPolicy use (x25519, not the registry's X25519)
			return NamedGroup.getName(group);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static @Nullable Method tlsContextMethod() {
		try {
			Method method = Class.forName("org.bouncycastle.jsse.provider.ProvSSLConnection")
				.getDeclaredMethod("getTlsContext");
			method.setAccessible(true);
			return method;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.warn("The negotiated TLS group cannot be read from this BouncyCastle version: {}", ex.toString());
			return null;
		}
	}

}
