package com.consentry.tls;

import java.security.Provider;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.net.SSLUtil;
import org.apache.tomcat.util.net.jsse.JSSEImplementation;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * Tomcat's JSSE implementation on BouncyCastle's JSSE provider instead of the JDK's,
 * named by the connector's {@code sslImplementationName} (Tomcat makes it from its class
 * name). The provider is this class's own instance, never registered with the JVM: the
 * JCA provider order, which Nimbus's signatures and every other TLS client of the process
 * rely on, stays as it is. Each time Tomcat (re)loads a host's certificate it gets the
 * FAPI policy applied anew, so a reloaded SSL bundle cannot bring other suites or
 * protocols. A host that asks for client certificates
 * ({@code server.ssl.client-auth=want}) takes any at the handshake
 * ({@link ClientCertificateHandshake}).
 */
public final class BouncyCastleJsseImplementation extends JSSEImplementation {

	/** BCJSSE with its own BouncyCastle crypto provider (ML-KEM for the hybrid group). */
	static final Provider PROVIDER = new BouncyCastleJsseProvider(new BouncyCastleProvider());

	// Tomcat makes this class by name, so it learns where to report handshakes from the
	// host configuration the connector customizer registered (weakly: a stopped server's
	// go)
	private static final Map<SSLHostConfig, TlsHandshakes> OBSERVERS = Collections.synchronizedMap(new WeakHashMap<>());

	static void observe(SSLHostConfig host, TlsHandshakes handshakes) {
		OBSERVERS.put(host, handshakes);
	}

	@Override
	public SSLUtil getSSLUtil(SSLHostConfigCertificate certificate) {
		SSLHostConfig host = certificate.getSSLHostConfig();
		applyPolicy(host);
		TlsHandshakes handshakes = OBSERVERS.get(host);
		return new BouncyCastleTlsContexts(certificate,
				(handshakes != null) ? handshakes : TlsHandshakes.unregistered());
	}

	static void applyPolicy(SSLHostConfig host) {
		if (host.getCertificateVerification() == SSLHostConfig.CertificateVerification.OPTIONAL) {
			// client certificates are asked for RFC 8705 alone: the application decides
			host.setTrustManagerClassName(ClientCertificateHandshake.class.getName());
		}
		host.setProtocols(String.join("+", FapiTlsPolicy.PROTOCOLS));
		host.setCiphers(String.join(",", FapiTlsPolicy.TLS12_CIPHER_SUITES));
		host.setCipherSuites(String.join(":", FapiTlsPolicy.TLS13_CIPHER_SUITES));
		host.setGroups(String.join(",", FapiTlsPolicy.NAMED_GROUPS));
		host.setHonorCipherOrder(true);
	}

}
