package com.consentry.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Command-line options of {@link GatewayBenchmark}. Every URL, the database's included,
 * must be on this machine: the benchmark loads a local platform, never somebody else's.
 *
 * @param issuer the authorization server
 * @param gateway the resource gateway as partners address it: the base of every proof's
 * {@code htu}, so it must equal the gateway's {@code public-base-url}
 * @param core the core-banking upstream the gateway calls (the sandbox)
 * @param path the endpoint measured, path and optional query
 * @param customerId what the gateway sends the core in {@code x-consentry-customer-id}
 * for the benchmark's customer (alice)
 * @param rates the open-loop rates, requests per second
 * @param closedThreads the closed-loop thread counts (empty: no closed loop)
 * @param seconds measured seconds per run
 * @param warmupSeconds unmeasured seconds before each run
 * @param initialWarmupSeconds unmeasured seconds through the gateway before the first
 * run, closed loop with 4 threads, for the JIT of all three processes
 * @param closedMaxRate the most requests per second a closed-loop gateway run can use:
 * proofs are made for this many
 * @param maxInFlight the most requests the open loop keeps outstanding; past it, sending
 * waits (and the wait counts as latency)
 * @param tier the rate-limit tier to give the benchmark partner's organisation, or
 * {@code null} to leave its policy alone
 * @param jdbcUrl the platform's database, for setting the tier; {@code null}: found from
 * the default run's {@code postmaster.pid}
 * @param jdbcUser the database user
 * @param directoryKey the demo directory's private signing JWK
 * @param summaryOnly whether to print only {@code RESULT} lines and the table
 */
record GatewayOptions(URI issuer, URI gateway, URI core, String path, String customerId, List<Integer> rates,
		List<Integer> closedThreads, int seconds, int warmupSeconds, int initialWarmupSeconds, int closedMaxRate,
		int maxInFlight, @Nullable String tier, @Nullable String jdbcUrl, String jdbcUser, Path directoryKey,
		boolean summaryOnly) {

	static final String USAGE = """
			Usage: java -cp benchmarks/target/benchmarks.jar com.consentry.benchmarks.GatewayBenchmark [options]
			  --issuer URL              authorization server (default http://localhost:9000)
			  --gateway URL             resource gateway, its public base URL (default http://localhost:8080)
			  --core URL                core-banking sandbox (default http://localhost:8090)
			  --path PATH               endpoint (default /fdx/v6/accounts/acc-alice-chk-01)
			  --customer-id ID          x-consentry-customer-id of direct calls (default cust-alice-0001)
			  --rates N[,N...]          open-loop rates per second, 0 for none (default 250,500,1000)
			  --closed-threads N[,N...] closed-loop thread counts, 0 for none (default 4)
			  --seconds N               measured seconds per run (default 15)
			  --warmup-seconds N        unmeasured seconds before each run (default 5)
			  --initial-warmup-seconds N  through the gateway, 4 threads back to back, before all runs (default 40)
			  --closed-max-rate N       proofs made per second of a closed-loop run (default 2500)
			  --max-in-flight N         outstanding open-loop requests at most (default 512)
			  --tier NAME|keep          rate-limit tier set for the partner's organisation (default ELEVATED);
			                            keep: leave the policy alone (the bank's default, STANDARD)
			  --jdbc-url URL            the platform's database (default: the default run's embedded PostgreSQL,
			                            port read from .consentry-data/postgres/postmaster.pid)
			  --jdbc-user NAME          database user (default postgres)
			  --directory-key PATH      demo directory signing key
			                            (default .consentry-data/directory/directory-signing-key.json)
			  --summary                 print RESULT lines (key=value pairs) and the table only
			""";

	/**
	 * A proof is accepted for 60 s after its iat
	 * ({@code consentry.gateway.dpop.proof-max-age}).
	 */
	static final int MAX_RUN_SECONDS = 45;

	private static final List<String> TIERS = List.of("LIMITED", "STANDARD", "ELEVATED");

	static GatewayOptions parse(String[] args) {
		URI issuer = URI.create("http://localhost:9000");
		URI gateway = URI.create("http://localhost:8080");
		URI core = URI.create("http://localhost:8090");
		String path = "/fdx/v6/accounts/" + AuthorizationFlow.ACCOUNT_ID;
		String customerId = "cust-alice-0001";
		List<Integer> rates = List.of(250, 500, 1000);
		List<Integer> closedThreads = List.of(4);
		int seconds = 15;
		int warmup = 5;
		int initialWarmup = 40;
		int closedMaxRate = 2500;
		int maxInFlight = 512;
		String tier = "ELEVATED";
		String jdbcUrl = null;
		String jdbcUser = "postgres";
		Path directoryKey = Path.of(".consentry-data", "directory", "directory-signing-key.json");
		boolean summaryOnly = false;
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (name.equals("--help") || name.equals("-h")) {
				throw new IllegalArgumentException("");
			}
			if (name.equals("--summary")) {
				summaryOnly = true;
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value for " + name);
			}
			String value = args[++i];
			switch (name) {
				case "--issuer" -> issuer = base(value);
				case "--gateway" -> gateway = base(value);
				case "--core" -> core = base(value);
				case "--path" -> path = value;
				case "--customer-id" -> customerId = value;
				case "--rates" -> rates = counts(name, value, 100_000);
				case "--closed-threads" -> closedThreads = counts(name, value, 256);
				case "--seconds" -> seconds = positive(name, value);
				case "--warmup-seconds" -> warmup = nonNegative(name, value);
				case "--initial-warmup-seconds" -> initialWarmup = nonNegative(name, value);
				case "--closed-max-rate" -> closedMaxRate = positive(name, value);
				case "--max-in-flight" -> maxInFlight = positive(name, value);
				case "--tier" -> tier = tier(value);
				case "--jdbc-url" -> jdbcUrl = value;
				case "--jdbc-user" -> jdbcUser = value;
				case "--directory-key" -> directoryKey = Path.of(value);
				default -> throw new IllegalArgumentException("unknown option " + name);
			}
		}
		LoadOptions.requireLoopback("--issuer", issuer);
		LoadOptions.requireLoopback("--gateway", gateway);
		LoadOptions.requireLoopback("--core", core);
		if (!path.startsWith("/") || path.contains("#")) {
			throw new IllegalArgumentException("--path is an absolute path with an optional query: " + path);
		}
		if (warmup + seconds > MAX_RUN_SECONDS) {
			throw new IllegalArgumentException("--warmup-seconds plus --seconds is at most " + MAX_RUN_SECONDS
					+ ": proofs are made before a run and the gateway accepts them for 60 s");
		}
		if (jdbcUrl != null) {
			requireLoopbackDatabase(jdbcUrl);
		}
		return new GatewayOptions(issuer, gateway, core, path, customerId, rates, closedThreads, seconds, warmup,
				initialWarmup, closedMaxRate, maxInFlight, tier, jdbcUrl, jdbcUser, directoryKey, summaryOnly);
	}

	/**
	 * The JDBC URL to set the tier through: {@code --jdbc-url}, or the default run's
	 * embedded PostgreSQL, whose port is the fourth line of {@code postmaster.pid} in its
	 * data directory.
	 */
	String databaseUrl(Path dataDirectory) throws IOException {
		if (this.jdbcUrl != null) {
			return this.jdbcUrl;
		}
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isReadable(pidFile)) {
			throw new IOException("no " + pidFile.toAbsolutePath()
					+ ": is the default run up, started from this directory? Else pass --jdbc-url");
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 4 || !lines.get(3).trim().matches("\\d{1,5}")) {
			throw new IOException(pidFile + " names no port (fourth line)");
		}
		return "jdbc:postgresql://localhost:" + lines.get(3).trim() + "/postgres";
	}

	/** The gateway URL of the endpoint, query included. */
	URI gatewayUrl() {
		return URI.create(this.gateway + this.path);
	}

	/** The core's URL of the endpoint, query included. */
	URI coreUrl() {
		return URI.create(this.core + this.path);
	}

	/** The proofs' {@code htu}: the gateway URL of the endpoint without query. */
	URI htu() {
		int query = this.path.indexOf('?');
		return URI.create(this.gateway + ((query < 0) ? this.path : this.path.substring(0, query)));
	}

	/**
	 * Refuses a JDBC URL whose host is not this machine:
	 * {@code jdbc:postgresql://localhost|127.x.x.x|[::1][:port]/database}.
	 */
	static void requireLoopbackDatabase(String jdbcUrl) {
		String prefix = "jdbc:postgresql://";
		if (!jdbcUrl.startsWith(prefix)) {
			throw new IllegalArgumentException("--jdbc-url must start with " + prefix);
		}
		URI url = URI.create("postgresql://" + jdbcUrl.substring(prefix.length()));
		if (url.getHost() == null || url.getRawUserInfo() != null || !LoadOptions.isLoopback(url.getHost())) {
			throw new IllegalArgumentException(
					"refusing --jdbc-url " + jdbcUrl + ": only localhost, 127.x.x.x and [::1] are accepted");
		}
	}

	private static URI base(String value) {
		return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
	}

	private static @Nullable String tier(String value) {
		if (value.equalsIgnoreCase("keep")) {
			return null;
		}
		String tier = value.toUpperCase(Locale.ROOT);
		if (!TIERS.contains(tier)) {
			throw new IllegalArgumentException("--tier is one of " + TIERS + " or keep");
		}
		return tier;
	}

	private static List<Integer> counts(String name, String value, int max) {
		List<Integer> counts = new ArrayList<>();
		for (String part : value.split(",")) {
			int count = nonNegative(name, part.trim());
			if (count > max) {
				throw new IllegalArgumentException(name + " is at most " + max);
			}
			if (count > 0) {
				counts.add(count);
			}
		}
		return List.copyOf(counts);
	}

	private static int positive(String name, String value) {
		int parsed = nonNegative(name, value);
		if (parsed == 0) {
			throw new IllegalArgumentException(name + " must be positive");
		}
		return parsed;
	}

	private static int nonNegative(String name, String value) {
		int parsed;
		try {
			parsed = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " takes a number: " + value);
		}
		if (parsed < 0) {
			throw new IllegalArgumentException(name + " must not be negative");
		}
		return parsed;
	}

}
