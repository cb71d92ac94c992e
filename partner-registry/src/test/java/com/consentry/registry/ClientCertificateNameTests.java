package com.consentry.registry;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.security.auth.x500.X500Principal;

import com.consentry.registry.ClientCertificateName.Kind;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientCertificateNameTests {

	private static final X509Certificate CERTIFICATE = certificate("CN=Budget App,O=Fintech Inc.,C=US",
			new GeneralName(GeneralName.dNSName, "api.fintech.example"),
			new GeneralName(GeneralName.uniformResourceIdentifier, "https://fintech.example/software/budget"),
			new GeneralName(GeneralName.iPAddress, "2001:db8::1"),
			new GeneralName(GeneralName.rfc822Name, "ops@fintech.example"));

	@Test
	@DisplayName("RFC8705 §2.1.2: the subject DN matches as RFC 4517 distinguishedNameMatch does (case and spacing of the string form aside), another does not")
	void matchesWhenSubjectDnThenCanonicalComparison() {
		assertThat(
				new ClientCertificateName(Kind.SUBJECT_DN, "cn=budget app, o=Fintech Inc., c=US").matches(CERTIFICATE))
			.isTrue();
		assertThat(new ClientCertificateName(Kind.SUBJECT_DN, "CN=Budget App,O=Other Inc.,C=US").matches(CERTIFICATE))
			.isFalse();
	}

	@Test
	@DisplayName("RFC8705 §2.1.2: each SAN form matches its own entry only: dNSName without case, URI exactly, iPAddress as an address, rfc822Name without case")
	void matchesWhenSanThenOwnEntryKind() {
		assertThat(new ClientCertificateName(Kind.SAN_DNS, "API.Fintech.Example").matches(CERTIFICATE)).isTrue();
		assertThat(new ClientCertificateName(Kind.SAN_DNS, "other.fintech.example").matches(CERTIFICATE)).isFalse();
		assertThat(
				new ClientCertificateName(Kind.SAN_URI, "https://fintech.example/software/budget").matches(CERTIFICATE))
			.isTrue();
		assertThat(
				new ClientCertificateName(Kind.SAN_URI, "https://fintech.example/software/BUDGET").matches(CERTIFICATE))
			.isFalse();
		assertThat(new ClientCertificateName(Kind.SAN_IP, "2001:db8:0:0:0:0:0:1").matches(CERTIFICATE)).isTrue();
		assertThat(new ClientCertificateName(Kind.SAN_IP, "192.0.2.1").matches(CERTIFICATE)).isFalse();
		assertThat(new ClientCertificateName(Kind.SAN_EMAIL, "OPS@fintech.example").matches(CERTIFICATE)).isTrue();
		// a DNS name registered as an e-mail address is not the certificate's dNSName
		assertThat(new ClientCertificateName(Kind.SAN_EMAIL, "api.fintech.example").matches(CERTIFICATE)).isFalse();
	}

	@Test
	@DisplayName("RFC8705 §2.1.2: a name that cannot be of its kind is refused (no DN, no IP address literal)")
	void constructorWhenNotOfItsKindThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientCertificateName(Kind.SUBJECT_DN, "just text"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientCertificateName(Kind.SAN_IP, "fintech.example"));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientCertificateName(Kind.SAN_IP, ":::1:::"));
	}

	private static X509Certificate certificate(String subject, GeneralName... names) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair keys = generator.generateKeyPair();
			X500Principal name = new X500Principal(subject);
			Instant now = Instant.now();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
					Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
					keys.getPublic());
			builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
