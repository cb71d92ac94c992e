package com.consentry.tls.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * An independent TLS client for the transport tests: the JDK's own JSSE (SunJSSE) or
 * BouncyCastle's, trusting one authority, speaking one HTTP/1.1 request over the socket.
 */
public final class TlsProbe {

	/** BouncyCastle's JSSE, a client-side instance of its own. */
	public static final Provider BOUNCY_CASTLE = new BouncyCastleJsseProvider(new BouncyCastleProvider());

	private final SSLContext context;

	private List<String> protocols = List.of();

	private List<String> cipherSuites = List.of();

	private List<String> namedGroups = List.of();

	private TlsProbe(SSLContext context) {
		this.context = context;
	}

	/** The JDK's default JSSE, trusting the PKCS #12 store {@code trustStore}. */
	public static TlsProbe jdk(Path trustStore, String password) {
		return new TlsProbe(context(null, trustStore, password));
	}

	/** BouncyCastle's JSSE, trusting the PKCS #12 store {@code trustStore}. */
	public static TlsProbe bouncyCastle(Path trustStore, String password) {
		return new TlsProbe(context(BOUNCY_CASTLE, trustStore, password));
	}

	public TlsProbe protocols(String... protocols) {
		this.protocols = List.of(protocols);
		return this;
	}

	public TlsProbe cipherSuites(String... suites) {
		this.cipherSuites = List.of(suites);
		return this;
	}

	/** Offers only these groups (BouncyCastle's JSSE only). */
	public TlsProbe namedGroups(String... groups) {
		this.namedGroups = List.of(groups);
		return this;
	}

	/** Handshakes with {@code localhost:port} and sends {@code GET path}. */
	public Exchange get(int port, String path) throws IOException {
		try (SSLSocket socket = (SSLSocket) this.context.getSocketFactory().createSocket("localhost", port)) {
			socket.setSoTimeout(10_000);
			if (!this.protocols.isEmpty()) {
				socket.setEnabledProtocols(this.protocols.toArray(String[]::new));
			}
			if (!this.cipherSuites.isEmpty()) {
				socket.setEnabledCipherSuites(this.cipherSuites.toArray(String[]::new));
			}
			if (!this.namedGroups.isEmpty()) {
				BCSSLParameters parameters = ((BCSSLSocket) socket).getParameters();
				parameters.setNamedGroups(this.namedGroups.toArray(String[]::new));
				((BCSSLSocket) socket).setParameters(parameters);
			}
			socket.startHandshake();
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
			return new Exchange(socket.getSession().getProtocol(), socket.getSession().getCipherSuite(),
					(X509Certificate) socket.getSession().getPeerCertificates()[0], response);
		}
	}

	/**
	 * Offers only {@code version} with BouncyCastle's own TLS API, below JSSE and its
	 * disabled-protocol rules, as an old client would; returns when the server accepted,
	 * throws what the server answered otherwise.
	 */
	public static void handshakeOnly(int port, ProtocolVersion version) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			TlsClientProtocol protocol = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
			protocol.connect(new DefaultTlsClient(new BcTlsCrypto(new SecureRandom())) {

				@Override
				protected ProtocolVersion[] getSupportedVersions() {
					return version.only();
				}

				@Override
				public TlsAuthentication getAuthentication() {
					return new ServerOnlyTlsAuthentication() {

						@Override
						public void notifyServerCertificate(TlsServerCertificate certificate) {
							// the answer to the version is what is tested, not the
							// certificate
						}

					};
				}

			});
			protocol.close();
		}
	}

	private static SSLContext context(Provider provider, Path trustStore, String password) {
		try {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			try (InputStream in = java.nio.file.Files.newInputStream(trustStore)) {
				trust.load(in, password.toCharArray());
			}
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trust);
			SSLContext context = (provider != null) ? SSLContext.getInstance("TLS", provider)
					: SSLContext.getInstance("TLS");
			context.init(null, trustManagers.getTrustManagers(), null);
			return context;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}

	/**
	 * One request over a new connection.
	 *
	 * @param protocol the negotiated protocol
	 * @param cipherSuite the negotiated suite
	 * @param serverCertificate the server's certificate
	 * @param response the raw HTTP response
	 */
	public record Exchange(String protocol, String cipherSuite, X509Certificate serverCertificate, String response) {

		public int status() {
			return Integer.parseInt(this.response.substring(9, 12));
		}

		/** Every value of the response header {@code name}. */
		public List<String> header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			String head = this.response.substring(0, Math.max(0, this.response.indexOf("\r\n\r\n")));
			return Arrays.stream(head.split("\r\n"))
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map((line) -> line.substring(prefix.length()).strip())
				.toList();
		}

	}

}
