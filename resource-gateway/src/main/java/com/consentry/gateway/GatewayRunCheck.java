package com.consentry.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;

import com.consentry.tls.LocalCertificateAuthority;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with the default run's demo secret anywhere but on this machine: the
 * secret signs the gateway's DPoP nonces and keys customer pseudonyms, and the demo one
 * is public. Likewise the certificates of the platform's tls run.
 */
@Component
class GatewayRunCheck implements InitializingBean {

	static final String DEMO_SECRET = "ZGVtby1nYXRld2F5LXNlY3JldC1uZXZlci11c2UtZWxzZXdoZXJl";

	private static final int MIN_SECRET_BYTES = 32;

	private final GatewayProperties properties;

	private final Environment environment;

	GatewayRunCheck(GatewayProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		byte[] secret;
		try {
			secret = java.util.Base64.getDecoder().decode(this.properties.secret());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("consentry.gateway.secret must be base64");
		}
		if (secret.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException("consentry.gateway.secret must hold at least 32 bytes");
		}
		if (DEMO_SECRET.equals(this.properties.secret()) && !isLoopback(this.properties.issuer().getHost())) {
			throw new IllegalStateException("The default run's demo gateway secret is refused with issuer "
					+ this.properties.issuer() + ": set consentry.gateway.secret (CONSENTRY_GATEWAY_SECRET)");
		}
		if (LocalCertificateAuthority.servesLocalCertificate(this.environment)
				&& !isLoopback(this.properties.issuer().getHost())) {
			throw new IllegalStateException("server.ssl.bundle serves a certificate of the tls run's local authority, "
					+ "which is for this machine only, with issuer " + this.properties.issuer()
					+ ": point spring.ssl.bundle.pem.<bundle>.keystore.* at the bank's own PEM files");
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
