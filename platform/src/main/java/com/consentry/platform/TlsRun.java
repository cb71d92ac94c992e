package com.consentry.platform;

import java.nio.file.Path;
import java.util.List;

import com.consentry.tls.LocalCertificateAuthority;

/**
 * What the deployables of the tls run are started with: the local authority's server
 * certificate as the SSL bundle {@code server} (reloaded when its files change), and the
 * authority as the trust store of their JVMs, for their https calls to each other.
 *
 * @param material the local authority's files
 */
public record TlsRun(LocalCertificateAuthority.Material material) {

	/**
	 * The argument that has a partner-facing server (authorization server, gateway) ask
	 * for client certificates, for mTLS partners (RFC 8705).
	 */
	public static final String CLIENT_CERTIFICATES = "--server.ssl.client-auth=want";

	/** The tls run on the certificates in {@code directory}, made there on first use. */
	public static TlsRun in(Path directory) {
		return new TlsRun(LocalCertificateAuthority.ensure(directory));
	}

	/** JVM options: trust the local authority. */
	public List<String> jvmOptions() {
		return List.of("-Djavax.net.ssl.trustStore=" + this.material.trustStore(),
				"-Djavax.net.ssl.trustStorePassword=" + LocalCertificateAuthority.TRUST_STORE_PASSWORD,
				"-Djavax.net.ssl.trustStoreType=PKCS12");
	}

	/** Spring arguments: serve TLS from the bundle {@code server}. */
	public List<String> serverArguments() {
		return List.of("--server.ssl.bundle=server",
				"--spring.ssl.bundle.pem.server.keystore.certificate=" + this.material.certificate().toUri(),
				"--spring.ssl.bundle.pem.server.keystore.private-key=" + this.material.privateKey().toUri(),
				"--spring.ssl.bundle.pem.server.reload-on-update=true");
	}

	/** Has this JVM trust the local authority (the launcher's and tests' own calls). */
	public void trustInThisJvm() {
		System.setProperty("javax.net.ssl.trustStore", this.material.trustStore().toString());
		System.setProperty("javax.net.ssl.trustStorePassword", LocalCertificateAuthority.TRUST_STORE_PASSWORD);
		System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
	}

}
