package com.consentry.platform;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.Tokens;
import com.consentry.platform.support.Partner;
import com.consentry.platform.support.RunningPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokenized account numbers on the running platform (two gateway instances on one
 * database): partners get per-partner tokens in place of the account number, the bank's
 * payment intake maps a live token back on a gateway's management port, and a token dies
 * with its consent or when an admin revokes it in the console. The real number is in no
 * gateway response, log line or audit record.
 */
@Tag("integration")
class GatewayTokenizationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ACCOUNT = "acc-alice-chk-01";

	/** Alice's checking account number, as the core has it. */
	private static final String REAL = "021000021000123401";

	/**
	 * The default run's payment-intake credential (application-default.yaml has its
	 * hash).
	 */
	private static final String INTAKE_CREDENTIAL = "demo-payment-intake-credential";

	private static final String DETAILS = Partner.accountDetails("ACCOUNT_BASIC", "PAYMENT_SUPPORT");

	private static RunningPlatform platform;

	private static final List<String> responses = new ArrayList<>();

	@BeforeAll
	static void start() {
		platform = RunningPlatform.get();
	}

	@Test
	@DisplayName("FDX 3 getAccountPaymentNetworks: two partners get different tokens for the same account, each the same on every call and instance, as long as the real number, digits only, never the number itself")
	void differentTokensPerPartner() {
		Partner first = Partner.register(platform);
		Partner second = Partner.register(platform);
		Tokens firstTokens = first.consent("alice", List.of(ACCOUNT), DETAILS);
		Tokens secondTokens = second.consent("alice", List.of(ACCOUNT), DETAILS);

		String token = token(first, 0, firstTokens);
		assertThat(token).hasSize(REAL.length()).matches("[0-9]+").isNotEqualTo(REAL);
		assertThat(token(first, 1, firstTokens)).isEqualTo(token);
		assertThat(token(first, 0, firstTokens)).isEqualTo(token);
		JsonNode account = ok(first.get(1, "/fdx/v6/accounts/" + ACCOUNT, firstTokens.accessToken()));
		assertThat(account.get("accountNumber").asString()).isEqualTo(token);
		assertThat(account.get("accountNumberDisplay").asString()).isEqualTo("...3401");

		String other = token(second, 1, secondTokens);
		assertThat(other).hasSize(REAL.length()).matches("[0-9]+").isNotEqualTo(REAL).isNotEqualTo(token);
		assertThat(responses).isNotEmpty().allSatisfy((body) -> assertThat(body).doesNotContain(REAL));
	}

	@Test
	@DisplayName("Issue 12 (5): the bank's payment intake maps a live token back to the account number on either gateway's management port with its credential, never on the partner port; a caller without it, an unknown or a malformed token is refused; each lookup is an audit record without the number")
	void paymentIntakeDetokenizes() throws Exception {
		Partner partner = Partner.register(platform);
		Tokens tokens = partner.consent("alice", List.of(ACCOUNT), DETAILS);
		String token = token(partner, 0, tokens);

		for (int instance = 0; instance < 2; instance++) {
			HttpResponse<String> live = detokenize(instance, token);
			assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
			JsonNode body = JSON.readTree(live.body());
			assertThat(body.get("accountNumber").asString()).isEqualTo(REAL);
			assertThat(body.get("accountId").asString()).isEqualTo(ACCOUNT);
			assertThat(body.get("consentId").asString()).isEqualTo(tokens.consentId());
			assertThat(body.get("partner").asString()).isEqualTo(partner.clientId());
		}
		for (String authorization : List.of("", "Bearer another-credential", "Basic " + INTAKE_CREDENTIAL)) {
			HttpResponse<String> stranger = detokenize(0, token, authorization);
			assertThat(stranger.statusCode()).as(authorization).isEqualTo(401);
			assertThat(stranger.body()).contains("invalid_client").doesNotContain(REAL);
		}
		HttpResponse<String> partnerPort = Partner
			.send(HttpRequest.newBuilder(platform.gateway(0).resolve("/actuator/detokenize"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + INTAKE_CREDENTIAL)
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("token", token))))
				.build());
		assertThat(partnerPort.statusCode()).as("the partner port").isEqualTo(404);
		assertThat(partnerPort.body()).doesNotContain(REAL);
		HttpResponse<String> unknown = detokenize(1, "000000000000000000");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(unknown.body()).get("error").asString()).isEqualTo("unknown_token");
		HttpResponse<String> malformed = detokenize(0, "<script>");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(malformed.body()).get("error").asString()).isEqualTo("invalid_request");

		List<String> records = awaitDetokenizations(tokens.consentId(), 2);
		assertThat(records).allSatisfy((record) -> assertThat(record).doesNotContain(REAL)
			.doesNotContain(token)
			.contains("success")
			.contains("payment-intake:demo-intake"));
	}

	@Test
	@DisplayName("Issue 12 (5): a token dies with its consent: once the consent is revoked the payment intake refuses it (410), and the vault marks it revoked")
	void tokenDiesWithItsConsent() throws Exception {
		Partner partner = Partner.register(platform);
		Tokens tokens = partner.consent("alice", List.of(ACCOUNT), DETAILS);
		String token = token(partner, 1, tokens);
		assertThat(detokenize(0, token).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = partner.send(0, "PUT", "/fdx/v6/consents/" + tokens.consentId() + "/revocation",
				tokens.accessToken(), "{\"reason\":\"USER_ACTION\",\"initiator\":\"DATA_RECIPIENT\"}");
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);

		HttpResponse<String> dead = detokenize(1, token);
		assertThat(dead.statusCode()).as(dead.body()).isEqualTo(410);
		assertThat(JSON.readTree(dead.body()).get("reason").asString()).isEqualTo("consent_revoked");
		assertThat(dead.body()).doesNotContain(REAL);
		assertThat(awaitRevocation(partner.clientId())).isEqualTo("consent_revoked consent");
	}

	@Test
	@DisplayName("Issue 12 (5): a token the bank revoked in the console is refused by the payment intake, and the partner's next call gets a new one")
	void adminRevocation() throws Exception {
		Partner partner = Partner.register(platform);
		Tokens tokens = partner.consent("alice", List.of(ACCOUNT), DETAILS);
		String token = token(partner, 0, tokens);
		long id = single("SELECT id FROM gateway.account_token WHERE client_id = ?", partner.clientId());
		String org = single("SELECT org_id FROM registry.partner WHERE client_id = ?", partner.clientId());

		CustomerSession admin = new CustomerSession(platform.issuer());
		HttpResponse<String> login = admin.get(platform.issuer().resolve("/admin/login"));
		List<Map.Entry<String, String>> fields = new ArrayList<>(CustomerSession.hiddenFields(login.body()));
		fields.add(Map.entry("username", "admin"));
		fields.add(Map.entry("password", "admin-demo-pass"));
		assertThat(admin.post("/admin/login", fields).uri().getPath()).isEqualTo("/admin");
		HttpResponse<String> page = admin.get(URI.create(platform.issuer() + "/admin/partner?org=" + org));
		assertThat(page.body()).contains("account-token-" + id)
			.contains("...3401")
			.doesNotContain(REAL)
			.doesNotContain(token);
		List<Map.Entry<String, String>> revoke = new ArrayList<>(CustomerSession.hiddenFields(page.body())
			.stream()
			.filter((field) -> field.getKey().equals("_csrf"))
			.limit(1)
			.toList());
		revoke.add(Map.entry("org", org));
		revoke.add(Map.entry("token", Long.toString(id)));
		revoke.add(Map.entry("reason", "payment fraud reported"));
		HttpResponse<String> done = admin.post("/admin/partner/account-tokens/revoke", revoke);
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(done.body()).contains("Account token " + id + " is revoked.");

		HttpResponse<String> refused = detokenize(0, token);
		assertThat(refused.statusCode()).isEqualTo(410);
		assertThat(JSON.readTree(refused.body()).get("reason").asString()).isEqualTo("revoked");
		String renewed = token(partner, 1, tokens);
		assertThat(renewed).isNotEqualTo(token).hasSize(REAL.length());
		assertThat(detokenize(1, renewed).statusCode()).isEqualTo(200);
	}

	@Test
	@DisplayName("Issue 12 (5): the real account number appears in no log line of any process and in no audit record")
	void realNumberNowhere() throws Exception {
		Partner partner = Partner.register(platform);
		Tokens tokens = partner.consent("alice", List.of(ACCOUNT), DETAILS);
		String token = token(partner, 0, tokens);
		assertThat(detokenize(1, token).statusCode()).isEqualTo(200);
		awaitDetokenizations(tokens.consentId(), 1);

		try (Connection db = platform.database("tokenization test");
				PreparedStatement query = db.prepareStatement("SELECT count(*) FROM audit.event WHERE "
						+ "concat_ws(' ', type, actor, subject, outcome, consent_id, details) LIKE ?")) {
			query.setString(1, "%" + REAL + "%");
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				assertThat(rs.getLong(1)).isZero();
			}
		}
		List<Path> logs;
		try (Stream<Path> files = Files.list(Path.of("target", "platform-logs"))) {
			logs = files.filter(Files::isRegularFile).toList();
		}
		assertThat(logs).isNotEmpty();
		for (Path log : logs) {
			assertThat(Files.readString(log, StandardCharsets.UTF_8)).as(log.getFileName().toString())
				.doesNotContain(REAL);
		}
	}

	// the token of the account's payment networks (the same for each network)
	private static String token(Partner partner, int instance, Tokens tokens) {
		JsonNode networks = ok(
				partner.get(instance, "/fdx/v6/accounts/" + ACCOUNT + "/payment-networks", tokens.accessToken()))
			.get("paymentNetworks");
		assertThat(networks).isNotEmpty();
		Set<String> identifiers = new HashSet<>();
		for (JsonNode network : networks) {
			assertThat(network.get("identifierType").asString()).isEqualTo("TOKENIZED_ACCOUNT_NUMBER");
			assertThat(network.get("bankId").asString()).isEqualTo("021000021");
			identifiers.add(network.get("identifier").asString());
		}
		assertThat(identifiers).hasSize(1);
		return identifiers.iterator().next();
	}

	private static HttpResponse<String> detokenize(int instance, String token) {
		return detokenize(instance, token, "Bearer " + INTAKE_CREDENTIAL);
	}

	private static HttpResponse<String> detokenize(int instance, String token, String authorization) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(platform.gatewayManagement(instance).resolve("/actuator/detokenize"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("token", token))));
		if (!authorization.isEmpty()) {
			request.header("Authorization", authorization);
		}
		return Partner.send(request.build());
	}

	private static List<String> awaitDetokenizations(String consentId, int atLeast) throws Exception {
		for (int i = 0; i < 100; i++) {
			List<String> records = new ArrayList<>();
			try (Connection db = platform.database("tokenization test");
					PreparedStatement query = db.prepareStatement("SELECT concat_ws(' ', actor, subject, outcome, "
							+ "details) FROM audit.event WHERE type = 'account_token.detokenized' AND consent_id = ?")) {
				query.setString(1, consentId);
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						records.add(rs.getString(1));
					}
				}
			}
			if (records.size() >= atLeast) {
				return records;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("fewer than " + atLeast + " detokenizations recorded for " + consentId);
	}

	private static String awaitRevocation(String clientId) throws Exception {
		for (int i = 0; i < 100; i++) {
			String revoked = single("SELECT coalesce(revoked_reason || ' ' || revoked_by, '') FROM "
					+ "gateway.account_token WHERE client_id = ?", clientId);
			if (!revoked.isEmpty()) {
				return revoked;
			}
			Thread.sleep(100);
		}
		return "";
	}

	@SuppressWarnings("unchecked")
	private static <T> T single(String sql, String parameter) throws SQLException {
		try (Connection db = platform.database("tokenization test");
				PreparedStatement query = db.prepareStatement(sql)) {
			query.setString(1, parameter);
			try (ResultSet rs = query.executeQuery()) {
				assertThat(rs.next()).as(sql).isTrue();
				return (T) rs.getObject(1);
			}
		}
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		responses.add(response.body());
		return JSON.readTree(response.body());
	}

}
