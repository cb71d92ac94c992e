package com.consentry.authz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.OrphanedPostgres;
import com.consentry.authz.support.TestDirectory;
import com.consentry.authz.support.Tokens;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run keeps its state in a data directory: keys, clients, consents and grants
 * survive a restart, also one after the JVM was killed and left its PostgreSQL running.
 */
@Tag("integration")
class RestartPersistenceTests {

	Path dataDirectory;

	URI issuer;

	int port;

	@BeforeEach
	void setUp() throws IOException {
		this.dataDirectory = Files.createTempDirectory("consentry-restart");
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		this.issuer = URI.create("http://localhost:" + this.port);
	}

	@AfterEach
	void tearDown() throws IOException {
		try (Stream<Path> files = Files.walk(this.dataDirectory)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	@Test
	@DisplayName("Issue 2: keys, clients, consents and refresh tokens survive a restart of the server")
	void stateSurvivesRestart() throws Exception {
		List<String> keyIds;
		FapiTestClient partner;
		Tokens tokens;
		try (ConfigurableApplicationContext first = start()) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).as("durable writes").isEqualTo("on");
			assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single()).isEqualTo("on");
			keyIds = keyIds();
			partner = FapiTestClient.register(this.issuer, TestDirectory.shared());
			tokens = Tokens.obtain(partner);
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(keyIds()).as("same signing keys").isEqualTo(keyIds);
			Tokens refreshed = Tokens.fromResponse(partner.refresh(tokens.refreshToken()));
			assertThat(refreshed.consentId()).as("same consent, still active").isEqualTo(tokens.consentId());
			assertThat(partner.push(partner.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
				.as("client still registered")
				.isEqualTo(201);
		}
	}

	@Test
	@DisplayName("Issue 2: after a killed JVM left PostgreSQL running on the data directory, the next start recovers")
	void startRecoversFromOrphanedDatabase() throws Exception {
		List<String> keyIds;
		try (ConfigurableApplicationContext first = start()) {
			keyIds = keyIds();
		}
		long orphanPid = orphanPostgres();
		try (ConfigurableApplicationContext second = start()) {
			assertThat(keyIds()).isEqualTo(keyIds);
			assertThat(ProcessHandle.of(orphanPid)).as("the orphaned server was stopped").isEmpty();
		}
	}

	/**
	 * Starts PostgreSQL on the data directory in a child JVM and kills that JVM with
	 * SIGKILL.
	 */
	private long orphanPostgres() throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), OrphanedPostgres.class.getName(), this.dataDirectory.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
			String line;
			while ((line = output.readLine()) != null && !line.startsWith("READY")) {
				// skip PostgreSQL's start-up log
			}
			assertThat(line).as("orphan PostgreSQL started").isNotNull();
		}
		child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		long pid = Long.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("postmaster outlives its JVM").contains(true);
		return pid;
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(AuthorizationServerApplication.class).profiles("test")
			.run("--server.port=" + this.port, "--consentry.issuer=" + this.issuer,
					"--consentry.database.embedded.data-directory=" + this.dataDirectory,
					"--consentry.registry.directory.jwks-uri=" + TestDirectory.shared().jwksUri());
	}

	private List<String> keyIds() throws Exception {
		return JWKSet.load(this.issuer.resolve("/oauth2/jwks").toURL())
			.getKeys()
			.stream()
			.map(JWK::getKeyID)
			.sorted()
			.toList();
	}

}
