package com.consentry.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.security.auth.x500.X500Principal;

import org.springframework.util.Assert;

/**
 * The one name a {@code tls_client_auth} client registered for its certificate: the
 * subject distinguished name or one subject alternative name entry.
 *
 * @param kind which certificate field the name is expected in
 * @param value the expected value
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8705#section-2.1.2">RFC 8705
 * §2.1.2</a>
 */
public record ClientCertificateName(Kind kind, String value) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	/**
	 * @throws IllegalArgumentException when the value cannot be a name of its kind (a DN
	 * that RFC 4514 cannot parse, an IP address that is no literal)
	 */
	public ClientCertificateName {
		Assert.notNull(kind, "kind cannot be null");
		Assert.hasText(value, "value cannot be empty");
		switch (kind) {
			case SUBJECT_DN -> new X500Principal(value);
			case SAN_IP ->
				Assert.isTrue(literal(value), "tls_client_auth_san_ip must be an IPv4 or IPv6 address literal");
			default -> {
			}
		}
	}

	/**
	 * Whether the certificate carries this name: the subject DN compared as RFC 4517
	 * distinguishedNameMatch does (canonical forms), DNS names and e-mail addresses
	 * without regard to case, IP addresses as addresses, URIs exactly.
	 */
	public boolean matches(X509Certificate certificate) {
		Assert.notNull(certificate, "certificate cannot be null");
		if (this.kind == Kind.SUBJECT_DN) {
			return new X500Principal(this.value).equals(certificate.getSubjectX500Principal());
		}
		Collection<List<?>> names;
		try {
			names = certificate.getSubjectAlternativeNames();
		}
		catch (CertificateParsingException ex) {
			return false;
		}
		if (names == null) {
			return false;
		}
		return names.stream()
			.filter((name) -> name.size() == 2 && name.get(0) instanceof Integer type && type == this.kind.generalName
					&& name.get(1) instanceof String)
			.map((name) -> (String) name.get(1))
			.anyMatch(this::sameAs);
	}

	private boolean sameAs(String entry) {
		return switch (this.kind) {
			case SAN_DNS, SAN_EMAIL -> entry.toLowerCase(Locale.ROOT).equals(this.value.toLowerCase(Locale.ROOT));
			case SAN_IP -> sameAddress(entry, this.value);
			default -> entry.equals(this.value);
		};
	}

	private static boolean literal(String value) {
		if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
			return false;
		}
		try {
			// a literal: nothing is looked up
			InetAddress.getByName(value);
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static boolean sameAddress(String entry, String expected) {
		try {
			// both are literals (the certificate's by its DER form, ours by the
			// constructor), so no name is looked up
			return Arrays.equals(InetAddress.getByName(entry).getAddress(),
					InetAddress.getByName(expected).getAddress());
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * The certificate fields RFC 8705 §2.1.2 lets a client register, each with its
	 * metadata member.
	 */
	public enum Kind {

		/** {@code tls_client_auth_subject_dn}. */
		SUBJECT_DN("tls_client_auth_subject_dn", -1),

		/** {@code tls_client_auth_san_dns} (GeneralName dNSName). */
		SAN_DNS("tls_client_auth_san_dns", 2),

		/** {@code tls_client_auth_san_uri} (GeneralName uniformResourceIdentifier). */
		SAN_URI("tls_client_auth_san_uri", 6),

		/** {@code tls_client_auth_san_ip} (GeneralName iPAddress). */
		SAN_IP("tls_client_auth_san_ip", 7),

		/** {@code tls_client_auth_san_email} (GeneralName rfc822Name). */
		SAN_EMAIL("tls_client_auth_san_email", 1);

		private final String member;

		private final int generalName;

		Kind(String member, int generalName) {
			this.member = member;
			this.generalName = generalName;
		}

		/** The registration metadata member that carries a name of this kind. */
		public String member() {
			return this.member;
		}

		/** The kind whose metadata member is {@code member}. */
		public static Optional<Kind> ofMember(String member) {
			return Arrays.stream(values()).filter((kind) -> kind.member.equals(member)).findFirst();
		}

	}

}
