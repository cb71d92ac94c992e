package com.consentry.registry;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ClientCertificateAuthoritiesTests {

	@TempDir
	Path folder;

	@Test
	@DisplayName("RFC8705 §2.1: each directory has its own trust anchors, picked by the issuer that registered the partner; the directory without an issuer serves the others")
	void trustAnchorsWhenSeveralDirectoriesThenEachItsOwn() throws Exception {
		X509Certificate first = authority("CN=First Directory CA");
		X509Certificate second = authority("CN=Second Directory CA");
		X509Certificate fallback = authority("CN=Default Directory CA");
		RegistryProperties properties = new RegistryProperties(directory(null, pem("default.pem", fallback)),
				List.of(directory("https://first.directory.example", pem("first.pem", first)),
						directory("https://second.directory.example", pem("second.pem", second))),
				false, false, new RegistryProperties.JwksFetch(false, List.of(), 10, Duration.ZERO),
				new RegistryProperties.DefaultPolicy(List.of("ACCOUNT_BASIC"), 365, 730, RateLimitTier.STANDARD));

		ClientCertificateAuthorities authorities = ClientCertificateAuthorities.of(properties);

		assertThat(authorities.trustAnchors("https://first.directory.example")).extracting(TrustAnchor::getTrustedCert)
			.containsExactly(first);
		assertThat(authorities.trustAnchors("https://second.directory.example")).extracting(TrustAnchor::getTrustedCert)
			.containsExactly(second);
		assertThat(authorities.trustAnchors("https://unlisted.directory.example"))
			.extracting(TrustAnchor::getTrustedCert)
			.containsExactly(fallback);
	}

	@Test
	@DisplayName("RFC8705 §2.1: a configured file without a certificate stops the start instead of trusting nothing silently")
	void ofWhenFileHoldsNoCertificateThenRefused() throws IOException {
		Path empty = Files.writeString(this.folder.resolve("empty.pem"), "no certificate here\n");
		RegistryProperties properties = new RegistryProperties(directory(null, "file:" + empty), List.of(), false,
				false, new RegistryProperties.JwksFetch(false, List.of(), 10, Duration.ZERO),
				new RegistryProperties.DefaultPolicy(List.of("ACCOUNT_BASIC"), 365, 730, RateLimitTier.STANDARD));

		assertThatIllegalStateException().isThrownBy(() -> ClientCertificateAuthorities.of(properties));
	}

	private static RegistryProperties.Directory directory(String issuer, String authorities) {
		return new RegistryProperties.Directory("file:/nonexistent/jwks.json", issuer, null, Duration.ofMinutes(5),
				authorities);
	}

	private String pem(String name, X509Certificate certificate) throws Exception {
		Path file = this.folder.resolve(name);
		Files.writeString(file,
				"-----BEGIN CERTIFICATE-----\n"
						+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(certificate.getEncoded())
						+ "\n-----END CERTIFICATE-----\n");
		return "file:" + file;
	}

	private static X509Certificate authority(String subject) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair keys = generator.generateKeyPair();
		X500Principal name = new X500Principal(subject);
		Instant now = Instant.now();
		return new JcaX509CertificateConverter()
			.getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
					Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
					keys.getPublic())
				.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
	}

}
