package com.consentry.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default run of the whole platform on this machine: the authorization server on 9000
 * (which starts the embedded PostgreSQL and seeds the demo data), then the sandbox
 * core-banking upstream on 8090 and the resource gateway on 8080, both on that database.
 * Ctrl-C stops all three, the database last. Each runs as its own process, as it would in
 * production.
 * <p>
 * With the argument {@code --tls} all three serve https instead, with certificates of a
 * local authority made on first start in {@code .consentry-data/tls/} ({@link TlsRun});
 * the issuer is {@code https://localhost:9000}, and each process trusts that authority
 * for its calls to the others.
 */
public final class PlatformLauncher {

	private static final Logger logger = LoggerFactory.getLogger(PlatformLauncher.class);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private PlatformLauncher() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of("").toAbsolutePath();
		boolean tls = Arrays.asList(args).contains("--tls");
		String scheme = tls ? "https" : "http";
		List<String> jvmOptions = new ArrayList<>();
		List<String> serverTls = new ArrayList<>();
		if (tls) {
			TlsRun run = TlsRun.in(root.resolve(".consentry-data").resolve("tls"));
			// the launcher's own readiness checks trust the authority too
			run.trustInThisJvm();
			jvmOptions.addAll(run.jvmOptions());
			serverTls.addAll(run.serverArguments());
		}
		String issuer = scheme + "://localhost:9000";
		String gatewayUrl = scheme + "://localhost:8080";
		int databasePort = freePort();
		List<String> authorizationArguments = new ArrayList<>(serverTls);
		authorizationArguments.add("--consentry.database.embedded.port=" + databasePort);
		if (tls) {
			authorizationArguments
				.addAll(List.of("--consentry.issuer=" + issuer, "--consentry.token.audience=" + gatewayUrl,
						"--consentry.consent-api.public-base-urls=" + gatewayUrl, TlsRun.CLIENT_CERTIFICATES));
		}
		Process authorization = Deployable.AUTHORIZATION_SERVER.start(root, jvmOptions, authorizationArguments,
				Map.of(), null);
		Process[] others = new Process[2];
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			Deployable.stop(others[1]);
			Deployable.stop(others[0]);
			Deployable.stop(authorization);
		}, "platform-stop"));
		Deployable.awaitHttp(authorization, URI.create(issuer + "/.well-known/openid-configuration"), START_TIMEOUT);
		Map<String, String> database = Map.of("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://localhost:" + databasePort + "/postgres", "SPRING_DATASOURCE_USERNAME", "postgres");
		List<String> gatewayArguments = new ArrayList<>(serverTls);
		if (tls) {
			gatewayArguments.addAll(List.of("--consentry.gateway.issuer=" + issuer,
					"--consentry.gateway.audience=" + gatewayUrl, "--consentry.gateway.public-base-url=" + gatewayUrl,
					"--consentry.gateway.core-banking-url=https://localhost:8090",
					"--consentry.gateway.consent-service-url=" + issuer, "--management.server.ssl.bundle=server",
					TlsRun.CLIENT_CERTIFICATES));
		}
		others[0] = Deployable.CORE_BANKING_SANDBOX.start(root, jvmOptions, serverTls, database, null);
		others[1] = Deployable.RESOURCE_GATEWAY.start(root, jvmOptions, gatewayArguments, database, null);
		Deployable.awaitHttp(others[0], URI.create(scheme + "://localhost:8090/fdx/v6/customers/current"),
				START_TIMEOUT);
		Deployable.awaitHttp(others[1], URI.create(gatewayUrl + "/fdx/v6/accounts"), START_TIMEOUT);
		logger.info("""

				==================================================================
				 Consentry platform is up ({}, this machine only)
				 Authorization server : {}
				 Resource gateway     : {}/fdx/v6/...
				 Core-banking sandbox : {}://localhost:8090 (loopback only)
				 Gateway metrics      : {}://127.0.0.1:8081/actuator/prometheus{}
				 Stop all with Ctrl-C.
				==================================================================
				""", tls ? "tls run" : "default run", issuer, gatewayUrl, scheme, scheme,
				tls ? "\n Trust for clients    : .consentry-data/tls/ca.crt (the local authority)" : "");
		// when one part ends, the platform is no longer whole: stop the rest
		while (authorization.isAlive() && others[0].isAlive() && others[1].isAlive()) {
			Thread.sleep(500);
		}
		logger.error("A part of the platform stopped; stopping the others");
		System.exit(1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
