package com.consentry.tls;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

import org.apache.tomcat.util.net.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's view of a BCJSSE context: every engine it makes offers the policy's groups in
 * the server's order of preference, and reports its completed handshakes.
 */
final class BouncyCastleSslContext implements SSLContext {

	private final javax.net.ssl.SSLContext context;

	private final String[] namedGroups;

	private final TlsHandshakes handshakes;

	private KeyManager @Nullable [] keyManagers;

	private TrustManager @Nullable [] trustManagers;

	BouncyCastleSslContext(javax.net.ssl.SSLContext context, List<String> namedGroups, TlsHandshakes handshakes) {
		this.context = context;
		this.namedGroups = namedGroups.toArray(String[]::new);
		this.handshakes = handshakes;
	}

	@Override
	public void init(KeyManager[] kms, TrustManager[] tms, SecureRandom sr) throws KeyManagementException {
		this.keyManagers = kms;
		this.trustManagers = tms;
		// Tomcat's key manager does not know BCJSSE's ECDSA key types (EC/<curve>)
		this.context.init(Tls13KeyTypes.understood(kms), tms, sr);
	}

	@Override
	public void destroy() {
	}

	@Override
	public SSLSessionContext getServerSessionContext() {
		return this.context.getServerSessionContext();
	}

	@Override
	public SSLEngine createSSLEngine() {
		return new ObservedSslEngine(this.context.createSSLEngine(), this.namedGroups, this.handshakes);
	}

	@Override
	public SSLServerSocketFactory getServerSocketFactory() {
		return this.context.getServerSocketFactory();
	}

	@Override
	public SSLParameters getSupportedSSLParameters() {
		return this.context.getSupportedSSLParameters();
	}

	@Override
	public X509Certificate @Nullable [] getCertificateChain(String alias) {
		if (this.keyManagers != null) {
			for (KeyManager manager : this.keyManagers) {
				if (manager instanceof X509KeyManager x509) {
					X509Certificate[] chain = x509.getCertificateChain(alias);
					if (chain != null && chain.length > 0) {
						return chain;
					}
				}
			}
		}
		return null;
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		List<X509Certificate> issuers = new ArrayList<>();
		if (this.trustManagers != null) {
			for (TrustManager manager : this.trustManagers) {
				if (manager instanceof X509TrustManager x509) {
					issuers.addAll(List.of(x509.getAcceptedIssuers()));
				}
			}
		}
		return issuers.toArray(X509Certificate[]::new);
	}

}
