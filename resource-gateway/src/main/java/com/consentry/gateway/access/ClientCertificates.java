package com.consentry.gateway.access;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The client certificate of a partner's call: the one of the TLS connection (the servlet
 * container's {@code jakarta.servlet.request.X509Certificate}), or, on a connection from
 * a proxy the bank configured as trusted, the one in the header that proxy sets. A header
 * on any other connection is ignored, so nobody can name a certificate he does not hold.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8705#section-3">RFC 8705 §3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8705#section-7.3">RFC 8705
 * §7.3</a>
 */
final class ClientCertificates {

	private static final String CONNECTION_CERTIFICATE = "jakarta.servlet.request.X509Certificate";

	// Tomcat's RemoteIpValve (server.forward-headers-strategy=native) marks a request
	// whose remote address it took from X-Forwarded-For
	private static final String TOMCAT_FORWARDED = "org.apache.tomcat.request.forwarded";

	private static final int MAX_HEADER_LENGTH = 16 * 1024;

	private static final Pattern IP_LITERAL = Pattern
		.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z]+)?");

	private final @Nullable String header;

	private final Set<InetAddress> trustedProxies;

	ClientCertificates(ClientCertificateProperties properties) {
		Assert.notNull(properties, "properties cannot be null");
		this.header = properties.header();
		this.trustedProxies = properties.trustedProxies()
			.stream()
			.map(ClientCertificates::literal)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * The thumbprint ({@code x5t#S256}) of the call's client certificate, if it has one.
	 */
	Optional<String> thumbprint(HttpServletRequest request) {
		return certificate(request).map(ClientCertificates::thumbprint);
	}

	private Optional<X509Certificate> certificate(HttpServletRequest request) {
		if (this.header != null && fromTrustedProxy(request)) {
			List<String> values = Collections.list(request.getHeaders(this.header));
			return (values.size() == 1) ? parse(values.get(0)) : Optional.empty();
		}
		if (request.getAttribute(CONNECTION_CERTIFICATE) instanceof X509Certificate[] chain && chain.length > 0) {
			return Optional.of(chain[0]);
		}
		return Optional.empty();
	}

	/**
	 * Whether the connection's peer is a trusted proxy: the address the container read
	 * from the connection, never one a {@code Forwarded} or {@code X-Forwarded-For}
	 * header set (Spring's {@code ForwardedHeaderFilter} wraps the request and takes its
	 * address from them without asking who sent them; Tomcat's valve marks its requests).
	 */
	private boolean fromTrustedProxy(HttpServletRequest request) {
		if (request.getAttribute(TOMCAT_FORWARDED) != null) {
			return false;
		}
		ServletRequest connection = request;
		while (connection instanceof ServletRequestWrapper wrapper) {
			connection = wrapper.getRequest();
		}
		String remote = connection.getRemoteAddr();
		return remote != null && address(remote).map(this.trustedProxies::contains).orElse(false);
	}

	private static Optional<X509Certificate> parse(String value) {
		if (value.length() > MAX_HEADER_LENGTH) {
			return Optional.empty();
		}
		try {
			byte[] pem = URLDecoder.decode(value, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII);
			return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(pem)));
		}
		catch (CertificateException | IllegalArgumentException | ClassCastException ex) {
			return Optional.empty();
		}
	}

	/** RFC 8705 §3.1: base64url of the SHA-256 of the DER certificate. */
	static String thumbprint(X509Certificate certificate) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException("Cannot take the thumbprint of a client certificate", ex);
		}
	}

	private static InetAddress literal(String address) {
		return address(address).orElseThrow(() -> new IllegalArgumentException(
				"consentry.gateway.client-certificate.trusted-proxies holds IP addresses, not names: " + address));
	}

	/** An IP address literal as an address; never a name, so nothing is looked up. */
	private static Optional<InetAddress> address(String literal) {
		if (!IP_LITERAL.matcher(literal).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(literal));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

}
