package com.consentry.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
 */
public final class PlatformLauncher {

	private static final Logger logger = LoggerFactory.getLogger(PlatformLauncher.class);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private PlatformLauncher() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of("").toAbsolutePath();
		int databasePort = freePort();
		Process authorization = Deployable.AUTHORIZATION_SERVER.start(root,
				List.of("--consentry.database.embedded.port=" + databasePort), Map.of(), null);
		Process[] others = new Process[2];
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			Deployable.stop(others[1]);
			Deployable.stop(others[0]);
			Deployable.stop(authorization);
		}, "platform-stop"));
		Deployable.awaitHttp(authorization, URI.create("http://localhost:9000/.well-known/openid-configuration"),
				START_TIMEOUT);
		Map<String, String> database = Map.of("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://localhost:" + databasePort + "/postgres", "SPRING_DATASOURCE_USERNAME", "postgres");
		others[0] = Deployable.CORE_BANKING_SANDBOX.start(root, List.of(), database, null);
		others[1] = Deployable.RESOURCE_GATEWAY.start(root, List.of(), database, null);
		Deployable.awaitHttp(others[0], URI.create("http://localhost:8090/fdx/v6/customers/current"), START_TIMEOUT);
		Deployable.awaitHttp(others[1], URI.create("http://localhost:8080/fdx/v6/accounts"), START_TIMEOUT);
		logger.info("""

				==================================================================
				 Consentry platform is up (default run, this machine only)
				 Authorization server : http://localhost:9000
				 Resource gateway     : http://localhost:8080/fdx/v6/...
				 Core-banking sandbox : http://localhost:8090 (loopback only)
				 Stop all with Ctrl-C.
				==================================================================
				""");
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
