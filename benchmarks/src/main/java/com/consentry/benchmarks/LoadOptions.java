package com.consentry.benchmarks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Command-line options of {@link LoadGenerator}. Refuses any issuer that is not on this
 * machine: the generator is for measuring a local server, never for loading somebody
 * else's.
 *
 * @param issuer the server's issuer identifier,
 * {@code http(s)://localhost|127.x.x.x|[::1][:port]}
 * @param scenarios which scenarios to run, in order
 * @param threads the thread counts to run each scenario with
 * @param seconds how long each run is measured
 * @param warmupSeconds how long each run goes before measuring starts
 * @param maxRequests the most HTTP requests one run may send, set-up and warm-up included
 * @param directoryKey the demo directory's private signing JWK
 * @param bouncyCastle whether the generator itself signs with BouncyCastle (else the
 * JDK's provider)
 * @param summaryOnly whether to print only one {@code RESULT} line per run (for scripts)
 */
record LoadOptions(URI issuer, List<Scenario> scenarios, List<Integer> threads, int seconds, int warmupSeconds,
		long maxRequests, Path directoryKey, boolean bouncyCastle, boolean summaryOnly) {

	/** The scenarios {@link LoadGenerator} knows. */
	enum Scenario {

		/** Refresh-token grants with DPoP, each thread on its own rotating chain. */
		REFRESH,

		/** Complete authorization flows: PAR, sign-in, consent, JARM, code exchange. */
		FLOW

	}

	static final String USAGE = """
			Usage: java -cp benchmarks/target/benchmarks.jar com.consentry.benchmarks.LoadGenerator [options]
			  --issuer URL            server to load, loopback only (default http://localhost:9000)
			  --scenario NAME         refresh, flow or all (default all)
			  --threads N[,N...]      concurrent clients per run, at most 64; each scenario runs once per count
			                          (default 16,64)
			  --seconds N             measured seconds per run (default 30)
			  --warmup-seconds N      unmeasured seconds before that (default 5)
			  --max-requests N        HTTP requests per run at most, set-up and warm-up included (default 200000)
			  --directory-key PATH    demo directory signing key
			                          (default .consentry-data/directory/directory-signing-key.json)
			  --client-jca bc|jdk     JCA provider for the generator's own signatures (default bc)
			  --summary               print one RESULT line per run (key=value pairs), nothing else
			""";

	private static final int MAX_THREADS = 64;

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

	static LoadOptions parse(String[] args) {
		URI issuer = URI.create("http://localhost:9000");
		List<Scenario> scenarios = List.of(Scenario.REFRESH, Scenario.FLOW);
		List<Integer> threads = List.of(16, 64);
		int seconds = 30;
		int warmup = 5;
		long maxRequests = 200_000;
		Path directoryKey = Path.of(".consentry-data", "directory", "directory-signing-key.json");
		boolean bouncyCastle = true;
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
				case "--issuer" ->
					issuer = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
				case "--scenario" ->
					scenarios = value.equalsIgnoreCase("all") ? List.of(Scenario.REFRESH, Scenario.FLOW)
							: List.of(Scenario.valueOf(value.toUpperCase(Locale.ROOT)));
				case "--threads" -> threads = threadCounts(value);
				case "--seconds" -> seconds = positive(name, value);
				case "--warmup-seconds" -> warmup = Integer.parseInt(value);
				case "--max-requests" -> maxRequests = positive(name, value);
				case "--directory-key" -> directoryKey = Path.of(value);
				case "--client-jca" -> bouncyCastle = switch (value.toLowerCase(Locale.ROOT)) {
					case "bc" -> true;
					case "jdk" -> false;
					default -> throw new IllegalArgumentException("--client-jca is bc or jdk");
				};
				default -> throw new IllegalArgumentException("unknown option " + name);
			}
		}
		if (warmup < 0) {
			throw new IllegalArgumentException("--warmup-seconds must not be negative");
		}
		requireLoopback(issuer);
		return new LoadOptions(issuer, scenarios, threads, seconds, warmup, maxRequests, directoryKey, bouncyCastle,
				summaryOnly);
	}

	/**
	 * Accepts only {@code http}/{@code https} URLs whose host is {@code localhost}, an
	 * IPv4 literal in 127.0.0.0/8 or the IPv6 literal {@code [::1]}, with no user info,
	 * query or fragment. Host names other than {@code localhost} are refused without
	 * being resolved.
	 */
	static void requireLoopback(URI issuer) {
		requireLoopback("--issuer", issuer);
	}

	/**
	 * {@link #requireLoopback(URI)} for the URL given as option {@code option}.
	 */
	static void requireLoopback(String option, URI url) {
		String scheme = url.getScheme();
		if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
			throw new IllegalArgumentException(option + " must be an http or https URL: " + url);
		}
		if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new IllegalArgumentException(option + " must not carry user info, query or fragment: " + url);
		}
		String host = url.getHost();
		if (host == null || !isLoopback(host)) {
			throw new IllegalArgumentException(
					"refusing " + option + " " + url + ": only localhost, 127.x.x.x and [::1] may be loaded");
		}
	}

	/**
	 * Whether {@code host} is {@code localhost}, an IPv4 literal in 127.0.0.0/8 or the
	 * IPv6 literal {@code [::1]}; other names are refused without being resolved.
	 */
	static boolean isLoopback(String host) {
		if (host.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (IPV4_LOOPBACK.matcher(host).matches()) {
			for (String octet : host.split("\\.")) {
				if (Integer.parseInt(octet) > 255) {
					return false;
				}
			}
			return true;
		}
		if (host.startsWith("[") && host.endsWith("]")) {
			try {
				// an IPv6 literal is parsed, never looked up
				return InetAddress.getByName(host).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

	private static List<Integer> threadCounts(String value) {
		List<Integer> counts = new ArrayList<>();
		for (String part : value.split(",")) {
			int count = positive("--threads", part.trim());
			if (count > MAX_THREADS) {
				throw new IllegalArgumentException("--threads is at most " + MAX_THREADS);
			}
			counts.add(count);
		}
		return List.copyOf(counts);
	}

	private static int positive(String name, String value) {
		int parsed = Integer.parseInt(value);
		if (parsed <= 0) {
			throw new IllegalArgumentException(name + " must be positive");
		}
		return parsed;
	}

}
