package com.consentry.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.TestDirectory;
import com.consentry.platform.Deployable;

/**
 * The whole platform for the end-to-end tests, started once per test JVM: the
 * authorization server (with its embedded PostgreSQL and the demo customers), the sandbox
 * core-banking upstream and two resource gateway instances on the same database — each a
 * process of its own, from its module's class path, on free ports. Their logs go to
 * {@code platform/target/platform-logs/}.
 */
public final class RunningPlatform {

	/** What tokens are issued for, and what both gateway instances expect. */
	public static final String AUDIENCE = "https://gateway.test.consentry.example";

	/**
	 * Where partners address the gateway: both instances stand behind this one URL, as
	 * behind a load balancer, so DPoP proofs name it in {@code htu} whichever instance
	 * serves them.
	 */
	public static final URI PUBLIC_BASE_URL = URI.create("https://api.test.consentry.example");

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static RunningPlatform instance;

	private final Path root = Path.of("..").toAbsolutePath().normalize();

	private final Path logs = Path.of("target", "platform-logs").toAbsolutePath();

	private final Path data;

	private final int databasePort = freePort();

	private final int authorizationPort = freePort();

	private final int sandboxPort = freePort();

	private final List<Integer> gatewayPorts = List.of(freePort(), freePort());

	private final List<Integer> gatewayManagementPorts = List.of(freePort(), freePort());

	private final List<Process> gateways = new ArrayList<>();

	private Process authorization;

	private Process sandbox;

	private RunningPlatform() {
		try {
			this.data = Files.createTempDirectory("consentry-platform-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The running platform, started on first use and stopped when the test JVM ends. */
	public static synchronized RunningPlatform get() {
		if (instance == null) {
			RunningPlatform platform = new RunningPlatform();
			Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "platform-stop"));
			platform.start();
			instance = platform;
		}
		return instance;
	}

	private void start() {
		try {
			startAuthorizationServer();
			this.sandbox = Deployable.CORE_BANKING_SANDBOX.start(this.root,
					List.of("--server.port=" + this.sandboxPort), database(), this.logs.resolve("sandbox.log"));
			for (int i = 0; i < this.gatewayPorts.size(); i++) {
				this.gateways.add(startGateway(i));
			}
			Deployable.awaitHttp(this.sandbox, sandbox().resolve("/sandbox/requests"), START_TIMEOUT);
			for (int i = 0; i < this.gateways.size(); i++) {
				Deployable.awaitHttp(this.gateways.get(i), gateway(i).resolve("/fdx/v6/accounts"), START_TIMEOUT);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void startAuthorizationServer() throws IOException, InterruptedException {
		this.authorization = Deployable.AUTHORIZATION_SERVER.start(this.root,
				List.of("--server.port=" + this.authorizationPort, "--consentry.issuer=" + issuer(),
						"--consentry.database.embedded.port=" + this.databasePort,
						"--consentry.database.embedded.data-directory=" + this.data.resolve("postgres"),
						"--consentry.registry.directory.jwks-uri=" + TestDirectory.shared().jwksUri(),
						"--consentry.registry.directory.demo-keys-directory=" + this.data.resolve("directory"),
						"--consentry.token.audience=" + AUDIENCE,
						"--consentry.consent-api.public-base-urls=" + PUBLIC_BASE_URL),
				Map.of(), this.logs.resolve("authz-server.log"));
		Deployable.awaitHttp(this.authorization, issuer().resolve("/.well-known/openid-configuration"), START_TIMEOUT);
	}

	private Process startGateway(int index) throws IOException {
		return Deployable.RESOURCE_GATEWAY.start(this.root,
				List.of("--server.port=" + this.gatewayPorts.get(index),
						"--management.server.port=" + this.gatewayManagementPorts.get(index),
						"--consentry.gateway.issuer=" + issuer(), "--consentry.gateway.audience=" + AUDIENCE,
						"--consentry.gateway.public-base-url=" + PUBLIC_BASE_URL,
						// the tests' own partners get room; the rate-limit tests use the
						// LIMITED tier
						"--consentry.gateway.rate-limits.tiers.STANDARD.partner-per-second=5000",
						"--consentry.gateway.rate-limits.tiers.STANDARD.partner-burst=5000",
						"--consentry.gateway.rate-limits.tiers.STANDARD.customer-per-second=5000",
						"--consentry.gateway.rate-limits.tiers.STANDARD.customer-burst=5000",
						"--consentry.gateway.core-banking-url=" + sandbox(),
						"--consentry.gateway.consent-service-url=" + issuer(), "--spring.http.clients.read-timeout=2s"),
				database(), this.logs.resolve("resource-gateway-" + index + ".log"));
	}

	private Map<String, String> database() {
		return Map.of("SPRING_DATASOURCE_URL", jdbcUrl(), "SPRING_DATASOURCE_USERNAME", "postgres");
	}

	public URI issuer() {
		return URI.create("http://localhost:" + this.authorizationPort);
	}

	public URI gateway(int index) {
		return URI.create("http://localhost:" + this.gatewayPorts.get(index));
	}

	/**
	 * A gateway instance's management port (metrics, health, the payment intake's
	 * detokenization).
	 */
	public URI gatewayManagement(int index) {
		return URI.create("http://127.0.0.1:" + this.gatewayManagementPorts.get(index));
	}

	public URI sandbox() {
		return URI.create("http://localhost:" + this.sandboxPort);
	}

	/**
	 * Where the authorization server keeps its database (as {@code .consentry-data/}).
	 */
	public Path dataDirectory() {
		return this.data;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.databasePort + "/postgres";
	}

	/** A connection to the platform's database, as the bank's operators have. */
	public Connection database(String purpose) throws SQLException {
		Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
		connection.setClientInfo("ApplicationName", purpose);
		return connection;
	}

	/** Stops the sandbox (the core-banking system goes down). */
	public void stopSandbox() {
		Deployable.stop(this.sandbox);
	}

	/** Starts the sandbox again on the same port. */
	public void startSandbox() throws IOException, InterruptedException {
		this.sandbox = Deployable.CORE_BANKING_SANDBOX.start(this.root, List.of("--server.port=" + this.sandboxPort),
				database(), this.logs.resolve("sandbox-restarted.log"));
		Deployable.awaitHttp(this.sandbox, sandbox().resolve("/sandbox/requests"), START_TIMEOUT);
	}

	/** Stops the authorization server, and with it the database. */
	public void stopDatabase() {
		Deployable.stop(this.authorization);
	}

	/** Starts the authorization server and the database again, with the data they had. */
	public void startDatabase() throws IOException, InterruptedException {
		startAuthorizationServer();
	}

	private void stop() {
		this.gateways.forEach(Deployable::stop);
		Deployable.stop(this.sandbox);
		Deployable.stop(this.authorization);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
