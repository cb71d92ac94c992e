package com.consentry.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import com.consentry.tls.support.TlsProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The module's TLS on a real Tomcat over loopback, checked by clients of their own (the
 * JDK's JSSE, BouncyCastle's JSSE and BouncyCastle's low-level TLS API).
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(classes = { TlsTestApplication.class, TransportSecurityTests.Metrics.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "logging.level.com.consentry.tls=DEBUG")
class TransportSecurityTests {

	static final Path DIRECTORY = temporaryDirectory();

	static final LocalCertificateAuthority.Material MATERIAL = LocalCertificateAuthority.create(DIRECTORY);

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) {
		registry.add("server.ssl.bundle", () -> "server");
		registry.add("spring.ssl.bundle.pem.server.keystore.certificate", () -> MATERIAL.certificate().toUri());
		registry.add("spring.ssl.bundle.pem.server.keystore.private-key", () -> MATERIAL.privateKey().toUri());
		registry.add("spring.ssl.bundle.pem.server.reload-on-update", () -> "true");
		registry.add("spring.ssl.bundle.watch.file.quiet-period", () -> "100ms");
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.1: a TLS 1.1 client is refused")
	void tls11Refused() {
		assertThatException().isThrownBy(() -> TlsProbe.handshakeOnly(this.port, ProtocolVersion.TLSv11));
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.1: a TLS 1.2 client of BouncyCastle's own TLS API is accepted (the refusal above is the version's)")
	void tls12AcceptedByLowLevelClient() throws IOException {
		TlsProbe.handshakeOnly(this.port, ProtocolVersion.TLSv12);
	}

	@ParameterizedTest
	@ValueSource(strings = { "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
			"TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" })
	@DisplayName("FAPI2 SP §5.2.2: a TLS 1.2 client offering only a suite outside the four FAPI suites is refused")
	void tls12NonFapiSuiteRefused(String suite) {
		TlsProbe client = jdk().protocols("TLSv1.2").cipherSuites(suite);
		assertThatException().isThrownBy(() -> client.get(this.port, "/hello"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
			"TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" })
	@DisplayName("FAPI2 SP §5.2.2: a TLS 1.2 client with one of the four FAPI suites connects")
	void tls12FapiSuiteConnects(String suite) throws IOException {
		TlsProbe.Exchange exchange = jdk().protocols("TLSv1.2").cipherSuites(suite).get(this.port, "/hello");
		assertThat(exchange.protocol()).isEqualTo("TLSv1.2");
		assertThat(exchange.cipherSuite()).isEqualTo(suite);
		assertThat(exchange.status()).isEqualTo(200);
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.1: a TLS 1.3 client connects; the JDK's default client (SunJSSE) negotiates x25519")
	void jdkDefaultClientConnects() throws IOException {
		double before = handshakes("x25519", "TLSv1.3");
		TlsProbe.Exchange exchange = jdk().get(this.port, "/hello");
		assertThat(exchange.protocol()).isEqualTo("TLSv1.3");
		assertThat(exchange.status()).isEqualTo(200);
		assertThat(handshakes("x25519", "TLSv1.3")).as(() -> meters()).isEqualTo(before + 1);
	}

	@Test
	@DisplayName("draft-ietf-tls-ecdhe-mlkem: a client offering only X25519MLKEM768 negotiates it, and the metric counts the group")
	void hybridPostQuantumGroup() throws IOException {
		double before = handshakes("X25519MLKEM768", "TLSv1.3");
		TlsProbe.Exchange exchange = bouncyCastle().namedGroups("X25519MLKEM768").get(this.port, "/hello");
		assertThat(exchange.protocol()).isEqualTo("TLSv1.3");
		assertThat(exchange.status()).isEqualTo(200);
		assertThat(handshakes("X25519MLKEM768", "TLSv1.3")).isEqualTo(before + 1);
	}

	@Test
	@DisplayName("draft-ietf-tls-ecdhe-mlkem: the server prefers X25519MLKEM768 over x25519 when a client offers both")
	void hybridPreferred() throws IOException {
		double before = handshakes("X25519MLKEM768", "TLSv1.3");
		bouncyCastle().namedGroups("x25519", "secp256r1", "X25519MLKEM768").get(this.port, "/hello");
		assertThat(handshakes("X25519MLKEM768", "TLSv1.3")).isEqualTo(before + 1);
	}

	@Test
	@DisplayName("draft-ietf-tls-ecdhe-mlkem: a client offering only classical groups still connects")
	void classicalGroupsStillConnect() throws IOException {
		double before = handshakes("secp256r1", "TLSv1.3");
		TlsProbe.Exchange exchange = bouncyCastle().namedGroups("secp256r1").get(this.port, "/hello");
		assertThat(exchange.status()).isEqualTo(200);
		assertThat(handshakes("secp256r1", "TLSv1.3")).isEqualTo(before + 1);
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.3: every https response carries Strict-Transport-Security, errors too")
	void strictTransportSecurity() throws IOException {
		for (String path : new String[] { "/hello", "/nothing-here" }) {
			TlsProbe.Exchange exchange = jdk().get(this.port, path);
			assertThat(exchange.header("Strict-Transport-Security")).as(path)
				.containsExactly("max-age=31536000; includeSubDomains");
		}
	}

	@Test
	@Order(Integer.MAX_VALUE) // it replaces the certificate the other tests trust
	@DisplayName("FAPI2 SP §5.2.1: replaced PEM files are served to new connections without a restart")
	void certificateReload() throws IOException, InterruptedException {
		LocalCertificateAuthority.Material replacement = LocalCertificateAuthority
			.create(temporaryDirectory().resolve("next"));
		TlsProbe trustingBoth = jdk();
		assertThat(trustingBoth.get(this.port, "/hello").serverCertificate()).isEqualTo(first(MATERIAL.certificate()));
		Files.copy(replacement.privateKey(), MATERIAL.privateKey(), StandardCopyOption.REPLACE_EXISTING);
		Files.copy(replacement.certificate(), MATERIAL.certificate(), StandardCopyOption.REPLACE_EXISTING);
		TlsProbe trustingNew = TlsProbe.jdk(replacement.trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			try {
				TlsProbe.Exchange exchange = trustingNew.get(this.port, "/hello");
				assertThat(exchange.serverCertificate()).isEqualTo(first(replacement.certificate()));
				assertThat(exchange.status()).isEqualTo(200);
				break;
			}
			catch (IOException ex) {
				// still the old certificate, which this client does not trust
				if (Instant.now().isAfter(deadline)) {
					throw ex;
				}
				Thread.sleep(200);
			}
		}
		// the policy survives the reload
		assertThatException()
			.isThrownBy(() -> TlsProbe.jdk(replacement.trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD)
				.protocols("TLSv1.2")
				.cipherSuites("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")
				.get(this.port, "/hello"));
		assertThat(bouncyCastle(replacement).namedGroups("X25519MLKEM768").get(this.port, "/hello").status())
			.isEqualTo(200);
	}

	private TlsProbe jdk() {
		return TlsProbe.jdk(MATERIAL.trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD);
	}

	private TlsProbe bouncyCastle() {
		return bouncyCastle(MATERIAL);
	}

	private static TlsProbe bouncyCastle(LocalCertificateAuthority.Material material) {
		return TlsProbe.bouncyCastle(material.trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD);
	}

	private String meters() {
		return this.registry.find(TlsHandshakes.METRIC)
			.counters()
			.stream()
			.map((counter) -> counter.getId().getTags() + "=" + counter.count())
			.toList()
			.toString();
	}

	private double handshakes(String group, String protocol) {
		var counter = this.registry.find(TlsHandshakes.METRIC).tags("group", group, "protocol", protocol).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static java.security.cert.X509Certificate first(Path pem) throws IOException {
		return org.springframework.boot.ssl.pem.PemContent.load(pem).getCertificates().get(0);
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("consentry-tls-");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@AfterAll
	static void removeFiles() throws IOException {
		org.springframework.util.FileSystemUtils.deleteRecursively(DIRECTORY);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Metrics {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
