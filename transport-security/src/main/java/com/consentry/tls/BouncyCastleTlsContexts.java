package com.consentry.tls;

import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLParameters;

import org.apache.tomcat.util.net.SSLContext;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.net.jsse.JSSEUtil;

/**
 * Tomcat's JSSE set-up (key managers from the bundle's key store, trust managers, session
 * settings) with the context made by BCJSSE, and the protocols and suites BCJSSE
 * implements.
 */
final class BouncyCastleTlsContexts extends JSSEUtil {

	private static final SSLParameters SUPPORTED = supported();

	private final TlsHandshakes handshakes;

	BouncyCastleTlsContexts(SSLHostConfigCertificate certificate, TlsHandshakes handshakes) {
		super(certificate);
		this.handshakes = handshakes;
	}

	@Override
	protected Set<String> getImplementedProtocols() {
		return new LinkedHashSet<>(Arrays.asList(SUPPORTED.getProtocols()));
	}

	@Override
	protected Set<String> getImplementedCiphers() {
		return new LinkedHashSet<>(Arrays.asList(SUPPORTED.getCipherSuites()));
	}

	@Override
	public SSLContext createSSLContextInternal(List<String> negotiableProtocols) throws NoSuchAlgorithmException {
		return new BouncyCastleSslContext(
				javax.net.ssl.SSLContext.getInstance("TLS", BouncyCastleJsseImplementation.PROVIDER),
				FapiTlsPolicy.NAMED_GROUPS, this.handshakes);
	}

	private static SSLParameters supported() {
		try {
			javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS",
					BouncyCastleJsseImplementation.PROVIDER);
			context.init(null, null, null);
			return context.getSupportedSSLParameters();
		}
		catch (Exception ex) {
			throw new IllegalStateException("BouncyCastle JSSE is not usable", ex);
		}
	}

}
