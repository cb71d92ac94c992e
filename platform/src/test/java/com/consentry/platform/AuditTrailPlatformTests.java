package com.consentry.platform;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.consentry.audit.Correlation;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.Tokens;
import com.consentry.platform.support.Partner;
import com.consentry.platform.support.RunningPlatform;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 on the whole platform: the resource gateway's accesses and denials in the
 * audit trail (one record each, in the partner's trace), the customer reading them on
 * {@code /account}, the SIEM's ECS lines, no secret in any log of any process, and the
 * README's verification command naming a broken record.
 */
@Tag("integration")
class AuditTrailPlatformTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+");

	private static final Path LOGS = Path.of("target", "platform-logs");

	private static RunningPlatform platform;

	private static Partner partner;

	private static Tokens tokens;

	private static final List<String> PROOFS = new ArrayList<>();

	private static final String TRACE_ID = Correlation.newTraceId();

	private static final String ANONYMOUS_INTERACTION = UUID.randomUUID().toString();

	@BeforeAll
	static void traffic() {
		platform = RunningPlatform.get();
		partner = Partner.register(platform);
		tokens = partner.consent("alice", List.of("acc-alice-chk-01"),
				Partner.accountDetails("ACCOUNT_DETAILED", "TRANSACTIONS"));
		assertThat(get(0, "/fdx/v6/accounts/acc-alice-chk-01",
				Map.of(Correlation.HEADER, Correlation.traceparent(TRACE_ID)))
			.statusCode()).isEqualTo(200);
		assertThat(get(1, "/fdx/v6/accounts/acc-alice-chk-01/transactions", Map.of()).statusCode()).isEqualTo(200);
		assertThat(get(0, "/fdx/v6/accounts/acc-bob-chk-01", Map.of()).statusCode()).isEqualTo(404);
		HttpResponse<String> anonymous = Partner
			.send(HttpRequest.newBuilder(platform.gateway(1).resolve("/fdx/v6/accounts"))
				.header("x-fapi-interaction-id", ANONYMOUS_INTERACTION)
				.GET()
				.build());
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	private static HttpResponse<String> get(int instance, String path, Map<String, String> headers) {
		SignedJWT proof = partner.proof("GET", Partner.publicUrl(path), tokens.accessToken());
		PROOFS.add(proof.serialize());
		HttpRequest.Builder request = HttpRequest.newBuilder(platform.gateway(instance).resolve(path))
			.header("Authorization", "DPoP " + tokens.accessToken().getValue())
			.header("DPoP", proof.serialize())
			.GET();
		headers.forEach(request::header);
		return Partner.send(request.build());
	}

	@Test
	@DisplayName("Issue 11 (1): every gateway access and denial, on either instance, is exactly one audit record in the caller's trace")
	void gatewayAccessesAreRecorded() throws Exception {
		List<Map<String, String>> records = awaitRecords(3);
		assertThat(records).extracting((r) -> r.get("actor")).containsOnly(partner.clientId());
		assertThat(records).filteredOn((r) -> r.get("details").contains("\"endpoint\":\"ACCOUNT\"")).hasSize(2);
		assertThat(records).filteredOn((r) -> r.get("outcome").equals("success")).hasSize(2).allSatisfy((r) -> {
			assertThat(r.get("details")).contains("\"account\":\"acc-alice-chk-01\"").contains("\"status\":\"200\"");
		});
		assertThat(records).filteredOn((r) -> r.get("correlation_id").equals(TRACE_ID))
			.singleElement()
			.satisfies((r) -> assertThat(r.get("details")).contains("ACCOUNT_DETAILED"));
		assertThat(records).filteredOn((r) -> !r.get("outcome").equals("success"))
			.singleElement()
			.satisfies((r) -> assertThat(r.get("details")).contains("\"status\":\"404\"")
				.contains("\"account\":\"acc-bob-chk-01\"")
				.contains("\"clusters\":\"\""));
		try (Connection db = platform.database("audit test");
				PreparedStatement anonymous = db.prepareStatement("SELECT actor_kind, outcome FROM audit.event "
						+ "WHERE type = 'gateway.access' AND details LIKE ?")) {
			anonymous.setString(1, "%\"interaction_id\":\"" + ANONYMOUS_INTERACTION + "\"%");
			try (ResultSet row = anonymous.executeQuery()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString(1)).isEqualTo("ANONYMOUS");
				assertThat(row.getString(2)).isNotEqualTo("success");
				assertThat(row.next()).as("exactly one record").isFalse();
			}
		}
	}

	@Test
	@DisplayName("Issue 11 (3): on /account the customer sees, per consent, when the partner accessed which account and which data")
	void customerSeesTheAccesses() throws Exception {
		awaitRecords(3);
		CustomerSession alice = new CustomerSession(platform.issuer());
		alice.signIn(alice.get(platform.issuer().resolve("/login")), "alice", "alice-demo-pass");
		HttpResponse<String> page = alice.get(platform.issuer().resolve("/account/consents/" + tokens.consentId()));
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("Who accessed your data")
			.contains("Detailed account information, Transactions")
			.contains("Shared");
		assertThat(html.split("<tr>", -1).length - 2).as("one row per access").isEqualTo(3);
		assertThat(html).contains("Refused (").contains("An account not shared with this app");
		assertThat(alice.get(platform.issuer().resolve("/account")).body()).contains("Last accessed:");
	}

	@Test
	@DisplayName("Issue 11 (4): each gateway access is also one ECS JSON line, with the trace id and no customer id")
	void ecsLines() throws Exception {
		awaitRecords(3);
		List<JsonNode> lines = new ArrayList<>();
		for (Path log : logs()) {
			for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
				if (line.startsWith("{") && line.contains("\"consentry.audit\"") && line.contains(tokens.consentId())) {
					lines.add(JSON.readTree(line));
				}
			}
		}
		assertThat(lines).filteredOn((l) -> l.path("event").path("action").asString().equals("gateway.access"))
			.hasSize(3)
			.allSatisfy((l) -> {
				assertThat(l.path("ecs").path("version").asString()).isNotEmpty();
				assertThat(l.path("trace").path("id").asString()).hasSize(32);
				assertThat(l.path("user").path("id").asString()).isEqualTo(partner.clientId());
				assertThat(l.toString()).doesNotContain("cust-alice-0001");
			});
		assertThat(lines).anySatisfy((l) -> assertThat(l.path("trace").path("id").asString()).isEqualTo(TRACE_ID));
	}

	@Test
	@DisplayName("Issue 11 (4): no log line of any process contains an access or refresh token, a DPoP proof, any JWT, a password or a full account number")
	void noSecretsInAnyLog() throws Exception {
		awaitRecords(3);
		List<String> secrets = new ArrayList<>(List.of(tokens.accessToken().getValue(),
				tokens.refreshToken().getValue(), "alice-demo-pass", "bob-demo-pass", "admin-demo-pass"));
		secrets.addAll(PROOFS);
		try (Connection db = platform.database("audit test");
				Statement statement = db.createStatement();
				ResultSet numbers = statement.executeQuery("SELECT account_number FROM bank.account")) {
			while (numbers.next()) {
				secrets.add(numbers.getString(1));
			}
		}
		assertThat(secrets).hasSizeGreaterThan(10);
		List<Path> logs = logs();
		assertThat(logs).isNotEmpty();
		long lines = 0;
		for (Path log : logs) {
			List<String> content = Files.readAllLines(log, StandardCharsets.UTF_8);
			lines += content.size();
			for (String line : content) {
				for (String secret : secrets) {
					assertThat(line).as(log.getFileName() + " contains a secret").doesNotContain(secret);
				}
				assertThat(JWT.matcher(line).find()).as(log.getFileName() + " contains a JWT: " + line).isFalse();
			}
		}
		assertThat(lines).isPositive();
	}

	@Test
	@DisplayName("Issue 11 (2): the README's verification command passes on the platform's chain, and exits 1 naming the record once one is changed")
	void verificationCommand() throws Exception {
		List<Map<String, String>> records = awaitRecords(3);
		long seq = Long.parseLong(records.get(0).get("seq"));
		String outcome = records.get(0).get("outcome");
		assertThat(verify()).satisfies((run) -> {
			assertThat(run.exit()).as(run.output()).isZero();
			assertThat(run.output()).contains("Audit chain intact");
		});
		// as in the README: no argument, from a directory holding the default run's
		// .consentry-data/, where the server wrote its database's URL
		Path workingDirectory = Files.createTempDirectory("consentry-verify-");
		Files.createDirectories(workingDirectory.resolve(".consentry-data"));
		Files.copy(platform.dataDirectory().resolve("database-url"),
				workingDirectory.resolve(".consentry-data/database-url"));
		assertThat(verify(workingDirectory)).satisfies((run) -> {
			assertThat(run.exit()).as(run.output()).isZero();
			assertThat(run.output()).contains("Audit chain intact");
		});
		tamper("UPDATE audit.event SET outcome = 'forged' WHERE seq = " + seq);
		try {
			assertThat(verify()).satisfies((run) -> {
				assertThat(run.exit()).as(run.output()).isEqualTo(1);
				assertThat(run.output()).contains("BROKEN at record " + seq);
			});
		}
		finally {
			tamper("UPDATE audit.event SET outcome = '" + outcome + "' WHERE seq = " + seq);
		}
		assertThat(verify().exit()).isZero();
	}

	private static Run verify() throws IOException, InterruptedException {
		return run(null, platform.jdbcUrl());
	}

	private static Run verify(Path workingDirectory) throws IOException, InterruptedException {
		return run(workingDirectory.toFile(), null);
	}

	private static Run run(@Nullable File workingDirectory, @Nullable String jdbcUrl)
			throws IOException, InterruptedException {
		Path root = Path.of("..").toAbsolutePath().normalize();
		String classPath = root.resolve("audit/target/classes") + File.pathSeparator
				+ Files.readString(root.resolve("audit/target/runtime-classpath.txt")).trim();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
						"com.consentry.audit.VerifyAuditChain"));
		if (jdbcUrl != null) {
			command.add(jdbcUrl);
		}
		Process process = new ProcessBuilder(command).directory(workingDirectory).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private static void tamper(String sql) throws Exception {
		try (Connection db = platform.database("audit test: tampering as a superuser");
				Statement statement = db.createStatement()) {
			statement.execute("SET session_replication_role = replica");
			statement.execute(sql);
		}
	}

	/** The gateway's records of this test's consent, once the writers flushed them. */
	private static List<Map<String, String>> awaitRecords(int expected) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (true) {
			List<Map<String, String>> records = new ArrayList<>();
			try (Connection db = platform.database("audit test");
					PreparedStatement select = db
						.prepareStatement("SELECT seq, actor, outcome, correlation_id, details "
								+ "FROM audit.event WHERE type = 'gateway.access' AND consent_id = ? ORDER BY seq")) {
				select.setString(1, tokens.consentId());
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						records.add(Map.of("seq", rows.getString(1), "actor", rows.getString(2), "outcome",
								rows.getString(3), "correlation_id", rows.getString(4), "details", rows.getString(5)));
					}
				}
			}
			if (records.size() >= expected || System.nanoTime() > deadline) {
				assertThat(records).hasSize(expected);
				return records;
			}
			Thread.sleep(100);
		}
	}

	private static List<Path> logs() throws IOException {
		try (Stream<Path> files = Files.list(LOGS)) {
			return files.filter((f) -> f.toString().endsWith(".log")).toList();
		}
	}

	private record Run(int exit, String output) {
	}

}
