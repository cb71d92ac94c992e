package com.consentry.authz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import com.consentry.authz.support.TestDirectory;
import com.consentry.tls.LocalCertificateAuthority;
import com.consentry.tls.TlsHandshakes;
import com.consentry.tls.support.TlsProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The authorization server serving its own https issuer from a PEM SSL bundle, as the
 * platform's tls run does: the FAPI TLS policy, HSTS, the hybrid post-quantum group and a
 * certificate replaced under a running server.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class AuthorizationServerTlsTests {

	private static final int PORT = freePort();

	private static final Path DIRECTORY = temporaryDirectory();

	private static final LocalCertificateAuthority.Material MATERIAL = LocalCertificateAuthority.create(DIRECTORY);

	private static final SimpleMeterRegistry METRICS = new SimpleMeterRegistry();

	@DynamicPropertySource
	static void serverProperties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("consentry.issuer", () -> "https://localhost:" + PORT);
		registry.add("consentry.registry.directory.jwks-uri", () -> TestDirectory.shared().jwksUri());
		registry.add("server.ssl.bundle", () -> "server");
		registry.add("spring.ssl.bundle.pem.server.keystore.certificate", () -> MATERIAL.certificate().toUri());
		registry.add("spring.ssl.bundle.pem.server.keystore.private-key", () -> MATERIAL.privateKey().toUri());
		registry.add("spring.ssl.bundle.pem.server.reload-on-update", () -> "true");
		registry.add("spring.ssl.bundle.watch.file.quiet-period", () -> "100ms");
	}

	// the authorization server has no meter registry of its own: handshakes go to
	// Micrometer's global one
	@BeforeAll
	static void metrics() {
		Metrics.addRegistry(METRICS);
	}

	@AfterAll
	static void cleanUp() throws IOException {
		Metrics.removeRegistry(METRICS);
		org.springframework.util.FileSystemUtils.deleteRecursively(DIRECTORY);
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.1: the authorization server refuses a TLS 1.1 client")
	void tls11Refused() {
		assertThatException().isThrownBy(() -> TlsProbe.handshakeOnly(PORT, ProtocolVersion.TLSv11));
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.2: the authorization server refuses a TLS 1.2 client offering only a non-FAPI suite")
	void tls12NonFapiSuiteRefused() {
		assertThatException().isThrownBy(() -> jdk().protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")
			.get(PORT, "/.well-known/openid-configuration"));
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.2: the authorization server serves a TLS 1.2 client with a FAPI suite, and a TLS 1.3 client")
	void fapiClientsConnect() throws IOException {
		TlsProbe.Exchange tls12 = jdk().protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
			.get(PORT, "/.well-known/openid-configuration");
		assertThat(tls12.status()).isEqualTo(200);
		assertThat(tls12.response()).contains("\"issuer\":\"https://localhost:" + PORT + "\"");
		TlsProbe.Exchange tls13 = jdk().get(PORT, "/.well-known/openid-configuration");
		assertThat(tls13.protocol()).isEqualTo("TLSv1.3");
		assertThat(tls13.status()).isEqualTo(200);
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.3: HSTS on the authorization server's https responses: metadata, the sign-in page, an OAuth error")
	void strictTransportSecurity() throws IOException {
		for (String path : new String[] { "/.well-known/openid-configuration", "/login", "/oauth2/authorize" }) {
			TlsProbe.Exchange exchange = jdk().get(PORT, path);
			assertThat(exchange.header("Strict-Transport-Security")).as(path)
				.containsExactly("max-age=31536000; includeSubDomains");
		}
	}

	@Test
	@DisplayName("draft-ietf-tls-ecdhe-mlkem: a BouncyCastle client offering only X25519MLKEM768 negotiates it at the authorization server, and the metric counts it; the JDK's default client connects with x25519")
	void hybridPostQuantumGroup() throws IOException {
		double hybrid = handshakes("X25519MLKEM768");
		double classical = handshakes("x25519");
		assertThat(bouncyCastle(MATERIAL).namedGroups("X25519MLKEM768")
			.get(PORT, "/.well-known/openid-configuration")
			.status()).isEqualTo(200);
		assertThat(handshakes("X25519MLKEM768")).isEqualTo(hybrid + 1);
		assertThat(jdk().get(PORT, "/.well-known/openid-configuration").status()).isEqualTo(200);
		assertThat(handshakes("x25519")).isEqualTo(classical + 1);
	}

	@Test
	@Order(Integer.MAX_VALUE) // it replaces the certificate the other tests trust
	@DisplayName("FAPI2 SP §5.2.1: the authorization server serves replaced PEM files to new connections without a restart")
	void certificateReload() throws IOException, InterruptedException {
		LocalCertificateAuthority.Material replacement = LocalCertificateAuthority
			.create(DIRECTORY.resolve("replacement"));
		Files.copy(replacement.privateKey(), MATERIAL.privateKey(), StandardCopyOption.REPLACE_EXISTING);
		Files.copy(replacement.certificate(), MATERIAL.certificate(), StandardCopyOption.REPLACE_EXISTING);
		TlsProbe trustingNew = TlsProbe.jdk(replacement.trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			try {
				TlsProbe.Exchange exchange = trustingNew.get(PORT, "/.well-known/openid-configuration");
				assertThat(exchange.serverCertificate())
					.isEqualTo(PemContent.load(replacement.certificate()).getCertificates().get(0));
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
		assertThat(bouncyCastle(replacement).namedGroups("X25519MLKEM768")
			.get(PORT, "/.well-known/openid-configuration")
			.status()).isEqualTo(200);
	}

	private static TlsProbe jdk() {
		return TlsProbe.jdk(MATERIAL.trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD);
	}

	private static TlsProbe bouncyCastle(LocalCertificateAuthority.Material material) {
		return TlsProbe.bouncyCastle(material.trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD);
	}

	private static double handshakes(String group) {
		Counter counter = METRICS.find(TlsHandshakes.METRIC).tags("group", group, "protocol", "TLSv1.3").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("consentry-authz-tls-");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
