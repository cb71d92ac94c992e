package com.consentry.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.consentry.tls.LocalCertificateAuthority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class GatewayRunCheckTests {

	private static final Path DIRECTORY = temporaryDirectory();

	private static final LocalCertificateAuthority.Material MATERIAL = LocalCertificateAuthority.create(DIRECTORY);

	private static final String OWN_SECRET = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";

	@AfterAll
	static void removeFiles() throws IOException {
		FileSystemUtils.deleteRecursively(DIRECTORY);
	}

	@Test
	@DisplayName("Issue 12 (1): the tls run's local certificates with an issuer off loopback stop the gateway's start")
	void localCertificatesOffLoopbackRefused() {
		GatewayRunCheck check = new GatewayRunCheck(properties("https://as.bank.example"), tlsRun());
		assertThatIllegalStateException().isThrownBy(check::afterPropertiesSet)
			.withMessageContaining("local authority");
	}

	@Test
	@DisplayName("Issue 12 (1): the tls run's local certificates with a loopback issuer start")
	void localCertificatesOnLoopbackStart() {
		GatewayRunCheck check = new GatewayRunCheck(properties("https://localhost:9000"), tlsRun());
		assertThatNoException().isThrownBy(check::afterPropertiesSet);
	}

	private static MockEnvironment tlsRun() {
		return new MockEnvironment().withProperty("server.ssl.bundle", "server")
			.withProperty("spring.ssl.bundle.pem.server.keystore.certificate",
					MATERIAL.certificate().toUri().toString())
			.withProperty("spring.ssl.bundle.pem.server.keystore.private-key",
					MATERIAL.privateKey().toUri().toString());
	}

	private static GatewayProperties properties(String issuer) {
		return new GatewayProperties(URI.create(issuer), null, "https://api.bank.example",
				URI.create("https://api.bank.example"), URI.create("https://core.bank.internal"), URI.create(issuer),
				OWN_SECRET, new GatewayProperties.Dpop(false, Duration.ofSeconds(60), Duration.ofSeconds(60)),
				new GatewayProperties.Grants(Duration.ofSeconds(1), Duration.ofSeconds(30), 1000),
				new GatewayProperties.RateLimits(true, null, "STANDARD"));
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("consentry-gateway-run-check-");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	@DisplayName("Issue 6 (4): the default run listens on loopback only (application-default.yaml's server.address): its demo admin, customers and secrets are public")
	void defaultRunListensOnLoopbackOnly() throws IOException {
		String address = (String) new YamlPropertySourceLoader()
			.load("default", new ClassPathResource("application-default.yaml"))
			.get(0)
			.getProperty("server.address");
		assertThat(address).isNotNull();
		assertThat(InetAddress.getByName(address).isLoopbackAddress()).as(address).isTrue();
	}

}
