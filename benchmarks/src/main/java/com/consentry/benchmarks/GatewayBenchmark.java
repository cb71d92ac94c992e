package com.consentry.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;

/**
 * What the resource gateway adds to a partner's call: the same FDX request sent to the
 * core-banking sandbox directly (with the customer header the gateway would add) and
 * through the gateway (DPoP-bound token, a new proof per request), in an open loop at
 * fixed rates and in a closed loop, on a platform running on this machine.
 * <p>
 * Untimed set-up: registers one partner with the demo directory key ({@link Partner}),
 * gives its organisation a rate-limit tier ({@link PartnerTier}), gets a token through a
 * complete authorization flow as alice, approving {@code acc-alice-chk-01} with
 * {@code ACCOUNT_DETAILED} and {@code TRANSACTIONS} ({@link AuthorizationFlow}), and
 * signs every proof of a run before the run ({@link ProofDeck}). The measured path is the
 * HTTP exchange only.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar com.consentry.benchmarks.GatewayBenchmark --help}
 *
 * @see GatewayOptions
 * @see OpenLoop
 */
public final class GatewayBenchmark {

	static final String CUSTOMER_HEADER = "x-consentry-customer-id";

	static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

	private static final int WARMUP_THREADS = 4;

	private static final int WARMUP_PART_SECONDS = 20;

	private static final int WARMUP_MAX_RATE = 2000;

	/** Tokens are got again when less than this is left of one after the next run. */
	private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

	private final GatewayOptions options;

	private final HttpClient http;

	private final Partner partner;

	private final DpopSession dpop;

	private final AuthorizationFlow flow;

	private @Nullable AccessToken token;

	private Instant tokenExpires = Instant.EPOCH;

	private GatewayBenchmark(GatewayOptions options, Partner partner, DpopSession dpop, AuthorizationFlow flow) {
		this.options = options;
		this.partner = partner;
		this.dpop = dpop;
		this.flow = flow;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public static void main(String[] args) throws InterruptedException {
		GatewayOptions options;
		try {
			options = GatewayOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			if (!ex.getMessage().isEmpty()) {
				System.err.println(ex.getMessage());
			}
			System.err.print(GatewayOptions.USAGE);
			System.exit(2);
			return;
		}
		// On a machine with 2 cores the common pool has one thread, and CompletableFuture
		// then
		// runs every async step on a new thread; java.net.http's sendAsync takes one such
		// step per request. Give the pool the cores, before anything touches it.
		if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
			System.setProperty(COMMON_POOL_PARALLELISM,
					Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())));
		}
		Provider jca = new BouncyCastleProvider();
		System.out.printf(Locale.ROOT,
				"Consentry gateway benchmark: %s via %s against %s directly; Java %s, %d CPU(s), load average %s%n",
				options.path(), options.gateway(), options.core(), System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), loadAverage());
		GatewayBenchmark benchmark;
		try {
			Partner partner = Partner.register(options.issuer(), options.directoryKey(), jca);
			String tierNote = "rate-limit tier left as configured";
			if (options.tier() != null) {
				String org = PartnerTier.set(options.databaseUrl(Path.of(".consentry-data", "postgres")),
						options.jdbcUser(), partner.clientId().getValue(), options.tier());
				tierNote = "organisation " + org + " on rate-limit tier " + options.tier();
			}
			System.out.println("Registered partner " + partner.clientId() + ", " + tierNote);
			JWKSet serverKeys = LoadGenerator.serverKeys(partner);
			RequestBudget setup = new RequestBudget(Long.MAX_VALUE);
			DpopSession dpop = new DpopSession(jca, setup);
			AuthorizationFlow flow = new AuthorizationFlow(partner, dpop, new CustomerBrowser(options.issuer(), setup),
					serverKeys);
			benchmark = new GatewayBenchmark(options, partner, dpop, flow);
			benchmark.checkBothAnswer();
		}
		catch (IOException | SQLException | OperationFailed ex) {
			System.err.println("Cannot start: " + ex.getMessage());
			System.exit(1);
			return;
		}
		List<Measurement[]> rows;
		try {
			rows = benchmark.runAll();
		}
		catch (OperationFailed ex) {
			System.err.println("Stopped: " + ex.getMessage());
			System.exit(1);
			return;
		}
		System.out.println();
		System.out.println("Load average at the end: " + loadAverage());
		System.out.println(tableHeader());
		rows.forEach((row) -> System.out.println(tableRow(row[0], row[1])));
	}

	/** Sends one request to each target and fails unless both answer 200. */
	private void checkBothAnswer() throws OperationFailed, InterruptedException {
		HttpRequest direct = directRequest();
		HttpRequest gateway = deck(1).next();
		for (HttpRequest request : new HttpRequest[] { direct, gateway }) {
			String target = (request == direct) ? "direct" : "gateway";
			HttpResponse<String> response;
			try {
				response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new OperationFailed(target + " " + request.uri() + ": " + ex);
			}
			if (response.statusCode() != 200) {
				String body = response.body();
				throw new OperationFailed(target + " " + request.uri() + " answered " + response.statusCode() + ": "
						+ body.substring(0, Math.min(300, body.length())));
			}
			System.out.printf(Locale.ROOT, "%-7s %s: 200, %d bytes%n", target, request.uri(),
					response.body().getBytes(StandardCharsets.UTF_8).length);
		}
	}

	private List<Measurement[]> runAll() throws InterruptedException, OperationFailed {
		GatewayOptions o = this.options;
		OpenLoop open = new OpenLoop(this.http, o.maxInFlight());
		HttpRequest direct = directRequest();
		RequestSource directSource = () -> direct;
		int runSeconds = o.warmupSeconds() + o.seconds();
		// a closed loop: as fast as the cold JIT allows, never a queue that times out; in
		// parts of at most 20 s, each with proofs made just before it
		for (int left = o.initialWarmupSeconds(); left > 0; left -= WARMUP_PART_SECONDS) {
			int part = Math.min(left, WARMUP_PART_SECONDS);
			ProofDeck deck = deck(WARMUP_MAX_RATE * part, part);
			Stats warm = new ScenarioRunner(0, part, Long.MAX_VALUE).run("warm-up", WARMUP_THREADS,
					(budget) -> new HttpCall(this.http, deck, budget));
			System.out.printf(Locale.ROOT,
					"Warm-up through the gateway, %d threads for %d s (not counted): %.0f/s, p50 %s ms, p99 %s ms, errors %d%n",
					WARMUP_THREADS, part, warm.perSecond(), Measurement.ms(warm.percentileNanos(0.5)),
					Measurement.ms(warm.percentileNanos(0.99)), warm.errorCount());
		}
		List<Measurement[]> rows = new ArrayList<>();
		for (int rate : o.rates()) {
			Measurement viaCore = open.run("direct", directSource, rate, o.warmupSeconds(), o.seconds());
			report(viaCore);
			ProofDeck deck = deck(rate * runSeconds, runSeconds);
			Measurement viaGateway = open.run("gateway", deck, rate, o.warmupSeconds(), o.seconds());
			report(viaGateway);
			rows.add(new Measurement[] { viaCore, viaGateway });
		}
		ScenarioRunner runner = new ScenarioRunner(o.warmupSeconds(), o.seconds(), Long.MAX_VALUE);
		for (int threads : o.closedThreads()) {
			Stats core = runner.run("direct", threads, (budget) -> new HttpCall(this.http, directSource, budget));
			Measurement viaCore = new Measurement("direct", "closed", threads, core, core.perSecond(), -1, "");
			report(viaCore);
			ProofDeck deck = deck(o.closedMaxRate() * runSeconds, runSeconds);
			Stats gateway = runner.run("gateway", threads, (budget) -> new HttpCall(this.http, deck, budget));
			String note = (deck.used() == deck.size())
					? "stopped early: all " + deck.size() + " proofs used (raise --closed-max-rate)" : "";
			Measurement viaGateway = new Measurement("gateway", "closed", threads, gateway, gateway.perSecond(), -1,
					note);
			report(viaGateway);
			rows.add(new Measurement[] { viaCore, viaGateway });
		}
		return rows;
	}

	private HttpRequest directRequest() {
		return HttpRequest.newBuilder(this.options.coreUrl())
			.GET()
			.timeout(ProofDeck.REQUEST_TIMEOUT)
			.header(CUSTOMER_HEADER, this.options.customerId())
			.build();
	}

	private ProofDeck deck(int count) throws OperationFailed, InterruptedException {
		return deck(count, 0);
	}

	/**
	 * Signs {@code count} gateway requests with a token that stays valid for
	 * {@code seconds} more.
	 */
	private ProofDeck deck(int count, int seconds) throws OperationFailed, InterruptedException {
		AccessToken accessToken = token(seconds);
		long started = System.nanoTime();
		ProofDeck deck = ProofDeck.make(this.dpop, accessToken, this.options.gatewayUrl(), this.options.htu(), count);
		if (!this.options.summaryOnly() && count > 1) {
			System.out.printf(Locale.ROOT, "  (signed %d proofs in %.1f s)%n", count,
					(System.nanoTime() - started) / 1e9);
		}
		return deck;
	}

	/**
	 * The current access token, or a new one (a complete flow, untimed) when the current
	 * one would not outlast the next {@code seconds}.
	 */
	private AccessToken token(int seconds) throws OperationFailed {
		Instant needed = Instant.now().plusSeconds(seconds).plus(TOKEN_MARGIN);
		if (this.token == null || this.tokenExpires.isBefore(needed)) {
			StepTimer steps = new StepTimer();
			steps.start(System.nanoTime());
			Instant issued = Instant.now();
			AccessToken fresh = this.flow.run(steps).accessToken();
			this.token = fresh;
			this.tokenExpires = issued.plusSeconds((fresh.getLifetime() > 0) ? fresh.getLifetime() : 60);
			if (!this.options.summaryOnly()) {
				System.out.printf(Locale.ROOT, "  (new access token for %s, valid %d s)%n", this.partner.clientId(),
						fresh.getLifetime());
			}
		}
		return this.token;
	}

	private void report(Measurement measurement) {
		if (this.options.summaryOnly()) {
			System.out.println(measurement.resultLine());
			return;
		}
		Measurement m = measurement;
		System.out.printf(Locale.ROOT, "%-7s %-6s %5d%s  %8.1f/s  p50 %s  p90 %s  p99 %s  max %s ms  errors %s%s%s%n",
				m.target(), m.mode(), m.load(), m.mode().equals("open") ? "/s" : " thr", m.achievedPerSecond(),
				Measurement.ms(m.p(0.50)), Measurement.ms(m.p(0.90)), Measurement.ms(m.p(0.99)),
				Measurement.ms(m.stats().maxNanos()), m.errorsText(),
				(m.sendLagP99Nanos() >= 0) ? "  send lag p99 " + Measurement.ms(m.sendLagP99Nanos()) + " ms" : "",
				m.note().isEmpty() ? "" : "  [" + m.note() + "]");
	}

	static String tableHeader() {
		return "| run | direct /s | direct p50 | p90 | p99 | max | gateway /s | gateway p50 | p90 | p99 | max "
				+ "| added p50 | added p99 | errors direct / gateway |\n"
				+ "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";
	}

	/** One table row: latencies in ms, the added ones the gateway's minus the direct. */
	static String tableRow(Measurement direct, Measurement gateway) {
		String run = direct.mode().equals("open") ? "open, " + direct.load() + "/s"
				: "closed, " + direct.load() + " thread" + ((direct.load() == 1) ? "" : "s");
		return String.format(Locale.ROOT,
				"| %s | %.0f | %s | %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s | %s / %s |", run,
				direct.achievedPerSecond(), Measurement.ms(direct.p(0.50)), Measurement.ms(direct.p(0.90)),
				Measurement.ms(direct.p(0.99)), Measurement.ms(direct.stats().maxNanos()), gateway.achievedPerSecond(),
				Measurement.ms(gateway.p(0.50)), Measurement.ms(gateway.p(0.90)), Measurement.ms(gateway.p(0.99)),
				Measurement.ms(gateway.stats().maxNanos()), added(direct.p(0.50), gateway.p(0.50)),
				added(direct.p(0.99), gateway.p(0.99)), direct.errorsText(), gateway.errorsText());
	}

	private static String added(long direct, long gateway) {
		return (direct < 0 || gateway < 0) ? "-" : String.format(Locale.ROOT, "%.3f", (gateway - direct) / 1e6);
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return String.join(" ", parts[0], parts[1], parts[2]);
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

}
