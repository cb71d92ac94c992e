package com.consentry.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust manager of a connector where partners present client certificates
 * ({@code server.ssl.client-auth=want}): it takes every client certificate at the TLS
 * handshake and leaves the decision to the application (the authorization server's client
 * authentication, the gateway's check of a certificate-bound token), because only it
 * knows which client a certificate is for, which directory's authorities vouch for it,
 * which self-signed certificate a client registered, and must answer an expired or
 * unknown certificate with {@code invalid_client} (RFC 8705 §2, FAPI 2.0) rather than a
 * failed handshake. A connection's certificate grants nothing by itself: it is read only
 * by client authentication and by the binding of certificate-bound tokens.
 * <p>
 * Named by class to Tomcat ({@code SSLHostConfig.setTrustManagerClassName}) wherever a
 * connector asks for client certificates; it trusts no server, so it is for the server
 * side of a connector only.
 */
public final class ClientCertificateHandshake extends X509ExtendedTrustManager {

	private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) {
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("a client certificate trust manager trusts no server");
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		checkServerTrusted(chain, authType);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		checkServerTrusted(chain, authType);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		// no certificate authorities named in the handshake: a partner sends the
		// certificate it registered, whoever issued it
		return NO_ISSUERS;
	}

}
