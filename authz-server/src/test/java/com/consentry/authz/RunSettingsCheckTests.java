package com.consentry.authz;

import java.io.IOException;
import java.net.InetAddress;

import com.consentry.tls.LocalCertificateAuthority;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The demo's settings only in the demo run (issuer on loopback, embedded database), and a
 * production run that lacks a required setting stops at start, saying which.
 */
@Tag("integration")
class RunSettingsCheckTests {

	private static final String DEMO_SEALING_KEY = "Yaxbzm9cwSLsOzxrkqXYi8QKOxk3LTwZ6XJ4xx4/cig=";

	private static final String OWN_SEALING_KEY = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(RunSettingsCheck.class);

	@Test
	@DisplayName("Issue 6 (4): without a profile, an https issuer and an external database, application-default.yaml's demo settings stop the start and are each named")
	void defaultRunSettingsWithPublicIssuerAndExternalDatabaseRefuseToStart() {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(AuthorizationServerApplication.class).run("--server.port=0",
					"--consentry.issuer=https://bank.example",
					"--spring.datasource.url=jdbc:postgresql://db.bank.example/consentry"))
			.withMessageContaining("consentry.demo.enabled")
			.withMessageContaining("consentry.registry.auto-approve")
			.withMessageContaining("demo-keys-directory")
			.withMessageContaining("consentry.admin.passkey-required=false")
			.withMessageContaining("the demo run's published key");
	}

	@Test
	@DisplayName("Issue 6 (4): demo customers, auto-approve and the demo sealing key with a loopback issuer but an external database refuse to start")
	void demoSettingsWithExternalDatabaseRefuseToStart() {
		this.context
			.withPropertyValues("consentry.issuer=http://localhost:9000",
					"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/consentry", "consentry.demo.enabled=true",
					"consentry.registry.auto-approve=true", "consentry.keys.encryption-key=" + DEMO_SEALING_KEY)
			.run((started) -> assertThat(started).getFailure()
				.hasMessageContaining("consentry.demo.enabled")
				.hasMessageContaining("consentry.registry.auto-approve")
				.hasMessageContaining("consentry.keys.encryption-key is the demo run's published key"));
	}

	@Test
	@DisplayName("Issue 6 (4): demo customers with an https issuer refuse to start even on the embedded database")
	void demoSettingsWithPublicIssuerRefuseToStart() {
		this.context
			.withPropertyValues("consentry.issuer=https://bank.example", "consentry.demo.enabled=true",
					"consentry.keys.encryption-key=" + OWN_SEALING_KEY,
					"consentry.registry.directory.jwks-uri=https://directory.example/keys.json")
			.run((started) -> assertThat(started).getFailure()
				.hasMessageContaining("consentry.demo.enabled")
				.hasMessageContaining("SPRING_DATASOURCE_URL"));
	}

	@Test
	@DisplayName("Issue 6 (2, 4): the demo run's SSRF escape hatches (partner URLs on private addresses) refuse to start outside it")
	void privateAddressEscapesRefuseToStartOutsideTheDemoRun() {
		this.context
			.withPropertyValues("consentry.issuer=https://bank.example",
					"consentry.keys.encryption-key=" + OWN_SEALING_KEY,
					"consentry.registry.directory.jwks-uri=https://directory.example/keys.json",
					"spring.datasource.url=jdbc:postgresql://db.bank.example/consentry",
					"consentry.registry.jwks-fetch.allow-private-addresses=true",
					"consentry.notification.allow-private-addresses=true")
			.run((started) -> assertThat(started).getFailure()
				.hasMessageContaining("consentry.registry.jwks-fetch.allow-private-addresses")
				.hasMessageContaining("consentry.notification.allow-private-addresses"));
	}

	@Test
	@DisplayName("Issue 10 (4): bank admins without a passkey (passkey-required=false) refuse to start outside the demo run")
	void adminsWithoutPasskeyRefuseToStartOutsideTheDemoRun() {
		this.context
			.withPropertyValues("consentry.issuer=https://bank.example",
					"consentry.keys.encryption-key=" + OWN_SEALING_KEY,
					"consentry.registry.directory.jwks-uri=https://directory.example/keys.json",
					"spring.datasource.url=jdbc:postgresql://db.bank.example/consentry",
					"consentry.admin.passkey-required=false")
			.run((started) -> assertThat(started).getFailure()
				.hasMessageContaining("consentry.admin.passkey-required=false"));
	}

	@Test
	@DisplayName("Issue 6 (4): a production run missing its sealing key, directory keys and database stops at start naming each")
	void productionRunMissingSettingsRefusesToStart() {
		this.context.withPropertyValues("consentry.issuer=https://bank.example")
			.run((started) -> assertThat(started).getFailure()
				.hasMessageContaining("CONSENTRY_KEYS_ENCRYPTION_KEY")
				.hasMessageContaining("CONSENTRY_REGISTRY_DIRECTORY_JWKS_URI")
				.hasMessageContaining("SPRING_DATASOURCE_URL"));
	}

	@Test
	@DisplayName("Issue 10 (3): a production run whose trusted directories are only listed (directories[0]) names no missing directory keys")
	void productionRunWithListedDirectoryNeedsNoSingleDirectory() {
		this.context
			.withPropertyValues("consentry.issuer=https://bank.example",
					"consentry.registry.directories[0].issuer=https://directory.example",
					"consentry.registry.directories[0].jwks-uri=https://directory.example/keys.json")
			.run((started) -> assertThat(started).getFailure()
				.hasMessageContaining("CONSENTRY_KEYS_ENCRYPTION_KEY")
				.hasMessageNotContaining("CONSENTRY_REGISTRY_DIRECTORY_JWKS_URI"));
	}

	@Test
	@DisplayName("Issue 6 (4): a run without an issuer stops at start naming CONSENTRY_ISSUER")
	void runWithoutIssuerRefusesToStart() {
		this.context.run((started) -> assertThat(started).getFailure().hasMessageContaining("CONSENTRY_ISSUER"));
	}

	@Test
	@DisplayName("Issue 6 (4): the demo run (loopback issuer, embedded database) starts with the demo settings")
	void demoRunStarts() {
		this.context
			.withPropertyValues("consentry.issuer=http://localhost:9000", "consentry.demo.enabled=true",
					"consentry.registry.auto-approve=true", "consentry.keys.encryption-key=" + DEMO_SEALING_KEY,
					"consentry.registry.directory.demo-keys-directory=.consentry-data/directory",
					"consentry.admin.passkey-required=false")
			.run((started) -> assertThat(started).hasNotFailed());
	}

	@Test
	@DisplayName("Issue 6 (4): a production run with every required setting starts")
	void completeProductionRunStarts() {
		this.context
			.withPropertyValues("consentry.issuer=https://bank.example",
					"spring.datasource.url=jdbc:postgresql://db.bank.example/consentry",
					"consentry.keys.encryption-key=" + OWN_SEALING_KEY,
					"consentry.registry.directory.jwks-uri=https://directory.example/keys.json")
			.run((started) -> assertThat(started).hasNotFailed());
	}

	@Test
	@DisplayName("Issue 12 (1): the tls run, an https loopback issuer served by the server itself with the local authority's certificate, starts")
	void tlsRunStarts() {
		LocalCertificateAuthority.Material material = LocalCertificateAuthority.create(temporaryDirectory());
		this.context
			.withPropertyValues("consentry.issuer=https://localhost:9000", "consentry.demo.enabled=true",
					"consentry.registry.auto-approve=true", "consentry.keys.encryption-key=" + DEMO_SEALING_KEY)
			.withPropertyValues(bundle(material))
			.run((started) -> assertThat(started).hasNotFailed());
	}

	@Test
	@DisplayName("Issue 12 (1): a server serving TLS with an http issuer refuses to start")
	void tlsWithHttpIssuerRefused() {
		LocalCertificateAuthority.Material material = LocalCertificateAuthority.create(temporaryDirectory());
		this.context.withPropertyValues("consentry.issuer=http://localhost:9000")
			.withPropertyValues(bundle(material))
			.run((started) -> assertThat(started).getFailure()
				.hasMessageContaining("CONSENTRY_ISSUER must be https when the server serves TLS"));
	}

	@Test
	@DisplayName("Issue 12 (1): the tls run's local certificates with an issuer off loopback refuse to start")
	void localCertificatesOffLoopbackRefused() {
		LocalCertificateAuthority.Material material = LocalCertificateAuthority.create(temporaryDirectory());
		this.context
			.withPropertyValues("consentry.issuer=https://bank.example",
					"consentry.keys.encryption-key=" + OWN_SEALING_KEY,
					"consentry.registry.directory.jwks-uri=https://directory.example/keys.json",
					"spring.datasource.url=jdbc:postgresql://db.bank.example/consentry")
			.withPropertyValues(bundle(material))
			.run((started) -> assertThat(started).getFailure()
				.hasMessageContaining("certificate of the tls run's local authority"));
	}

	private static String[] bundle(LocalCertificateAuthority.Material material) {
		return new String[] { "server.ssl.bundle=server",
				"spring.ssl.bundle.pem.server.keystore.certificate=" + material.certificate().toUri(),
				"spring.ssl.bundle.pem.server.keystore.private-key=" + material.privateKey().toUri() };
	}

	private static java.nio.file.Path temporaryDirectory() {
		try {
			return java.nio.file.Files.createTempDirectory("consentry-run-settings-");
		}
		catch (java.io.IOException ex) {
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
