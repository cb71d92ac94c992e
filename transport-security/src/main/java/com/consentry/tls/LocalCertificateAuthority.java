package com.consentry.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The certificates of the platform's {@code tls} run on this machine: a certificate
 * authority made for it (its private key is never written: nothing else can be issued
 * under it) and a server certificate for {@code localhost}, {@code 127.0.0.1} and
 * {@code ::1} that every deployable serves. A bank's deployment names PEM files of its
 * own instead; a certificate of this authority is refused off loopback
 * ({@link #servesLocalCertificate(Environment)}).
 */
public final class LocalCertificateAuthority {

	/** The authority's name, by which its certificates are recognised. */
	public static final X500Principal SUBJECT = new X500Principal(
			"CN=Consentry local CA (this machine only), O=Consentry tls run");

	/**
	 * The password of {@link Material#trustStore()}; it holds public certificates only.
	 */
	public static final String TRUST_STORE_PASSWORD = "consentry-local-trust";

	private static final Duration LIFETIME = Duration.ofDays(365);

	// renew well before browsers and clients start refusing
	private static final Duration RENEW_BEFORE = Duration.ofDays(30);

	private LocalCertificateAuthority() {
	}

	/**
	 * The files in {@code directory}.
	 *
	 * @param certificate the server's certificate chain (PEM, leaf first)
	 * @param privateKey its private key (PEM, PKCS #8)
	 * @param authority the authority's certificate (PEM), for clients to trust
	 * @param trustStore the same as a PKCS #12 trust store
	 */
	public record Material(Path certificate, Path privateKey, Path authority, Path trustStore) {

		static Material in(Path directory) {
			return new Material(directory.resolve("server.crt"), directory.resolve("server.key"),
					directory.resolve("ca.crt"), directory.resolve("ca.p12"));
		}

	}

	/**
	 * The material in {@code directory}, made on first use and made anew when the server
	 * certificate is about to expire.
	 */
	public static Material ensure(Path directory) {
		Material material = Material.in(directory);
		try {
			if (Files.isRegularFile(material.certificate()) && Files.isRegularFile(material.privateKey())
					&& Files.isRegularFile(material.trustStore())) {
				X509Certificate current = PemContent.of(Files.readString(material.certificate()))
					.getCertificates()
					.get(0);
				if (current.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))) {
					return material;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// unreadable: made anew below
		}
		return create(directory);
	}

	/** New material in {@code directory}: a new authority and server certificate. */
	public static Material create(Path directory) {
		return create(directory, false);
	}

	/**
	 * New material in {@code directory} whose server key is ECDSA P-256 when
	 * {@code ecServerKey}, as a bank's own certificate may be; the authority stays RSA.
	 */
	static Material create(Path directory, boolean ecServerKey) {
		try {
			Files.createDirectories(directory);
			Material material = Material.in(directory);
			// RSA: the TLS 1.2 suites FAPI 2.0 allows are all *_RSA_* (an ECDSA server
			// key serves TLS 1.3 alone), and an RSA signature suits a client whatever
			// groups it offers (BouncyCastle's, offering only the hybrid group, accepts
			// no P-256 signature)
			KeyPair authorityKey = rsaKey();
			X509Certificate authority = authorityCertificate(authorityKey);
			KeyPair serverKey = ecServerKey ? ecKey() : rsaKey();
			X509Certificate server = serverCertificate(serverKey, authority, authorityKey);
			writeAtomically(material.authority(), pem(authority));
			writeAtomically(material.privateKey(), pem(new JcaPKCS8Generator(serverKey.getPrivate(), null)));
			writeAtomically(material.certificate(), pem(server) + pem(authority));
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("consentry-local-ca", authority);
			Path store = Files.createTempFile(directory, "ca", ".p12.tmp");
			try (OutputStream out = Files.newOutputStream(store)) {
				trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
			}
			Files.move(store, material.trustStore(), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			return material;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Could not make the local certificates", ex);
		}
	}

	/** Whether {@code certificate} was issued by a local authority of the tls run. */
	public static boolean isLocal(X509Certificate certificate) {
		return SUBJECT.equals(certificate.getIssuerX500Principal());
	}

	/**
	 * Whether the server's SSL bundle ({@code server.ssl.bundle}, PEM) holds a
	 * certificate of the tls run's local authority. Read from the settings alone, for
	 * start-up checks that run before any bean exists.
	 */
	public static boolean servesLocalCertificate(Environment environment) {
		String bundle = environment.getProperty("server.ssl.bundle");
		if (bundle == null || bundle.isBlank()) {
			return false;
		}
		String location = environment.getProperty("spring.ssl.bundle.pem." + bundle.strip() + ".keystore.certificate");
		if (location == null || location.isBlank()) {
			return false;
		}
		try {
			List<X509Certificate> chain;
			try (InputStream in = new DefaultResourceLoader().getResource(location.strip()).getInputStream()) {
				chain = PemContent.load(in).getCertificates();
			}
			return !chain.isEmpty() && isLocal(chain.get(0));
		}
		catch (IOException | RuntimeException ex) {
			// unreadable: the server's own start reports it
			return false;
		}
	}

	private static X509Certificate authorityCertificate(KeyPair key)
			throws GeneralSecurityException, OperatorCreationException, IOException {
		X500Name name = X500Name.getInstance(SUBJECT.getEncoded());
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(LIFETIME).plus(RENEW_BEFORE)), name,
				key.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				extensions.createSubjectKeyIdentifier(key.getPublic()));
		return sign(builder, key);
	}

	private static X509Certificate serverCertificate(KeyPair key, X509Certificate authority, KeyPair authorityKey)
			throws GeneralSecurityException, OperatorCreationException, IOException {
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(authority, serial(),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(LIFETIME)),
				new X500Principal("CN=localhost, O=Consentry tls run"), key.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		// an EC key only signs (RFC 5480 §3); keyEncipherment is for RSA key transport
		int usage = "EC".equals(key.getPublic().getAlgorithm()) ? KeyUsage.digitalSignature
				: KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		builder.addExtension(Extension.subjectAlternativeName, false,
				new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
						new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
						new GeneralName(GeneralName.iPAddress, "::1") }));
		builder.addExtension(Extension.authorityKeyIdentifier, false,
				extensions.createAuthorityKeyIdentifier(authority));
		return sign(builder, authorityKey);
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair key)
			throws GeneralSecurityException, OperatorCreationException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
	}

	private static KeyPair rsaKey() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static KeyPair ecKey() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	private static BigInteger serial() {
		return new BigInteger(128, new SecureRandom());
	}

	private static String pem(Object value) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(value);
		}
		return text.toString();
	}

	private static void writeAtomically(Path file, String content) throws IOException {
		Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
		Files.writeString(temporary, content, StandardCharsets.US_ASCII);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
