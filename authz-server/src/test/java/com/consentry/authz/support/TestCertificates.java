package com.consentry.authz.support;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for TLS tests, made with BouncyCastle: certificate authorities, server and
 * client certificates issued by them, self-signed ones, any validity window; and the
 * socket factories and contexts a client presents them with.
 */
public final class TestCertificates {

	private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

	private TestCertificates() {
	}

	/** A certificate and its private key. */
	public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {

		/**
		 * A client presenting this certificate (with its chain) and trusting the
		 * certificate authority {@code serverAuthority}.
		 */
		public SSLContext clientContext(X509Certificate serverAuthority) {
			try {
				KeyStore keys = KeyStore.getInstance("PKCS12");
				keys.load(null, null);
				List<X509Certificate> path = new ArrayList<>();
				path.add(this.certificate);
				path.addAll(this.chain);
				keys.setKeyEntry("client", this.key, new char[0], path.toArray(new X509Certificate[0]));
				KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keyManagers.init(keys, new char[0]);
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(keyManagers.getKeyManagers(), trusting(serverAuthority).getTrustManagers(),
						new SecureRandom());
				return context;
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		public SSLSocketFactory clientSocketFactory(X509Certificate serverAuthority) {
			return clientContext(serverAuthority).getSocketFactory();
		}

		/** Writes the certificate and the key as PEM files; returns their paths. */
		public Path[] writePem(Path folder, String name) {
			try {
				Path certificate = folder.resolve(name + ".crt");
				Path key = folder.resolve(name + ".key");
				Files.writeString(certificate, pem(this.certificate));
				// PKCS#8, the form every PEM reader takes
				Files.writeString(key,
						"-----BEGIN PRIVATE KEY-----\n"
								+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
									.encodeToString(this.key.getEncoded())
								+ "\n-----END PRIVATE KEY-----\n");
				return new Path[] { certificate, key };
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** A certificate authority, valid from an hour ago for a day. */
	public static Issued authority(String commonName) {
		KeyPair keys = newKeyPair();
		X500Principal subject = new X500Principal("CN=" + commonName + ",O=Consentry Tests");
		Instant now = Instant.now();
		X509Certificate certificate = sign(subject, subject, keys, keys.getPrivate(), now.minus(Duration.ofHours(1)),
				now.plus(Duration.ofDays(1)), true, null, null);
		return new Issued(certificate, keys.getPrivate(), List.of());
	}

	/**
	 * A certificate issued by {@code authority}, valid from {@code notBefore} to
	 * {@code notAfter}, with {@code subjectAlternativeNames} (may be null).
	 */
	public static Issued issued(Issued authority, String subject, GeneralNames subjectAlternativeNames,
			Instant notBefore, Instant notAfter, KeyPurposeId purpose) {
		KeyPair keys = newKeyPair();
		X509Certificate certificate = sign(authority.certificate().getSubjectX500Principal(),
				new X500Principal(subject), keys, authority.key(), notBefore, notAfter, false, subjectAlternativeNames,
				purpose);
		return new Issued(certificate, keys.getPrivate(), List.of(authority.certificate()));
	}

	/**
	 * A self-signed client certificate, valid from {@code notBefore} to {@code notAfter}.
	 */
	public static Issued selfSigned(String subject, Instant notBefore, Instant notAfter) {
		KeyPair keys = newKeyPair();
		X500Principal name = new X500Principal(subject);
		X509Certificate certificate = sign(name, name, keys, keys.getPrivate(), notBefore, notAfter, false, null,
				KeyPurposeId.id_kp_clientAuth);
		return new Issued(certificate, keys.getPrivate(), List.of());
	}

	/** A server certificate for {@code localhost}, issued by {@code authority}. */
	public static Issued localhostServer(Issued authority) {
		Instant now = Instant.now();
		// RSA: the FAPI 2.0 TLS 1.2 suites the servers allow are all *_RSA_*, and
		// their connector (transport-security) serves RSA certificates
		KeyPair keys = newKeyPair("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
		X509Certificate certificate = sign(authority.certificate().getSubjectX500Principal(),
				new X500Principal("CN=localhost"), keys, authority.key(), now.minus(Duration.ofHours(1)),
				now.plus(Duration.ofDays(1)), false,
				new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
						new GeneralName(GeneralName.iPAddress, "127.0.0.1") }),
				KeyPurposeId.id_kp_serverAuth);
		return new Issued(certificate, keys.getPrivate(), List.of(authority.certificate()));
	}

	/** A context that presents no certificate and trusts {@code authority}. */
	public static SSLContext trustingContext(X509Certificate authority) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trusting(authority).getTrustManagers(), new SecureRandom());
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String pem(Object value) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(value);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	private static TrustManagerFactory trusting(X509Certificate authority) throws GeneralSecurityException {
		try {
			KeyStore trusted = KeyStore.getInstance("PKCS12");
			trusted.load(null, null);
			trusted.setCertificateEntry("authority", authority);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			return trust;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair newKeyPair() {
		return newKeyPair("EC", new ECGenParameterSpec("secp256r1"));
	}

	private static KeyPair newKeyPair(String algorithm, AlgorithmParameterSpec parameters) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			generator.initialize(parameters);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate sign(X500Principal issuer, X500Principal subject, KeyPair keys, PrivateKey signer,
			Instant notBefore, Instant notAfter, boolean authority, GeneralNames subjectAlternativeNames,
			KeyPurposeId purpose) {
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
					keys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
					? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.keyAgreement));
			if (purpose != null) {
				builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
			}
			if (subjectAlternativeNames != null) {
				builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames);
			}
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
