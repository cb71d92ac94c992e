package com.consentry.benchmarks;

import java.io.IOException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Drives a running Consentry server on this machine and reports, per scenario and thread
 * count, completed refresh-token grants with DPoP per second and complete authorization
 * flows per second, with latency percentiles and errors by kind. Registers one partner
 * per run with the default run's demo directory key.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar com.consentry.benchmarks.LoadGenerator --help}
 *
 * @see LoadOptions
 * @see AuthorizationFlow
 * @see RefreshLoop
 */
public final class LoadGenerator {

	private LoadGenerator() {
	}

	public static void main(String[] args) throws InterruptedException {
		LoadOptions options;
		try {
			options = LoadOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			if (!ex.getMessage().isEmpty()) {
				System.err.println(ex.getMessage());
			}
			System.err.print(LoadOptions.USAGE);
			System.exit(2);
			return;
		}
		int maxThreads = Collections.max(options.threads());
		// HttpURLConnection (Nimbus) keeps at most http.maxConnections idle connections
		// per host
		System.setProperty("http.maxConnections", Integer.toString(Math.max(5, 2 * maxThreads)));
		Provider jca = options.bouncyCastle() ? new BouncyCastleProvider() : null;
		if (!options.summaryOnly()) {
			System.out.printf(Locale.ROOT,
					"Consentry load generator: issuer %s, Java %s, %d CPU(s), client signatures %s%n", options.issuer(),
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
					(jca != null) ? "BouncyCastle" : "JDK provider");
		}

		Partner partner;
		JWKSet serverKeys;
		try {
			partner = Partner.register(options.issuer(), options.directoryKey(), jca);
			serverKeys = serverKeys(partner);
		}
		catch (IOException ex) {
			System.err.println("Cannot start: " + ex.getMessage());
			System.exit(1);
			return;
		}
		if (!options.summaryOnly()) {
			System.out.println("Registered partner " + partner.clientId() + "; JARM responses are validated against "
					+ partner.endpoint("/oauth2/jwks") + " (fetched once)");
		}

		ScenarioRunner runner = new ScenarioRunner(options.warmupSeconds(), options.seconds(), options.maxRequests());
		List<Stats> results = new ArrayList<>();
		for (LoadOptions.Scenario scenario : options.scenarios()) {
			for (int threads : options.threads()) {
				Stats stats = runner.run(scenario.name().toLowerCase(Locale.ROOT), threads, (budget) -> {
					DpopSession dpop = new DpopSession(jca, budget);
					AuthorizationFlow flow = new AuthorizationFlow(partner, dpop,
							new CustomerBrowser(options.issuer(), budget), serverKeys);
					return (scenario == LoadOptions.Scenario.REFRESH) ? new RefreshLoop(partner, dpop, flow)
							: new FlowLoop(flow, dpop);
				});
				results.add(stats);
				System.out.print(options.summaryOnly() ? stats.summaryLine() + System.lineSeparator() : stats.report());
			}
		}
		if (!options.summaryOnly()) {
			System.out.println();
			System.out.println(Stats.tableHeader());
			results.forEach((stats) -> System.out.println(stats.tableRow()));
		}
	}

	/** The server's JWKS, which JARM responses must be signed with. */
	static JWKSet serverKeys(Partner partner) throws IOException {
		HTTPResponse response = Partner.send(new HTTPRequest(HTTPRequest.Method.GET, partner.endpoint("/oauth2/jwks")));
		if (response.getStatusCode() != 200) {
			throw new IOException("GET /oauth2/jwks answered " + response.getStatusCode());
		}
		try {
			return JWKSet.parse(response.getBody());
		}
		catch (java.text.ParseException ex) {
			throw new IOException("/oauth2/jwks is not a JWK set", ex);
		}
	}

}
