package com.consentry.platform;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.consentry.authz.support.Tokens;
import com.consentry.platform.support.CoreBankingLog;
import com.consentry.platform.support.Partner;
import com.consentry.platform.support.RunningPlatform;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken object-level authorization, tried exhaustively: two customers, their accounts,
 * consents over different accounts and clusters, one revoked, one expired, one of a
 * suspended partner — every endpoint, every account, every token. Exactly the consented
 * combinations are served, and the core never sees any other request.
 */
@Tag("integration")
class GatewayObjectLevelTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Set<String>> ENDPOINTS = endpoints();

	private static RunningPlatform platform;

	private static CoreBankingLog core;

	private static final List<Case> CASES = new ArrayList<>();

	private static final Map<String, String> OWNERS = new LinkedHashMap<>();

	@BeforeAll
	static void consents() throws Exception {
		platform = RunningPlatform.get();
		core = new CoreBankingLog(platform.sandbox());
		try (Connection db = platform.database("test");
				ResultSet rows = db.createStatement()
					.executeQuery("SELECT account_id, customer_id FROM bank.account")) {
			while (rows.next()) {
				OWNERS.put(rows.getString(1), rows.getString(2));
			}
		}
		Partner partner = Partner.register(platform);
		Partner other = Partner.register(platform);
		CASES.add(new Case("alice: checking and savings, detailed and transactions", partner,
				partner.consent("alice", List.of("acc-alice-chk-01", "acc-alice-sav-02"),
						Partner.accountDetails("ACCOUNT_DETAILED", "TRANSACTIONS")),
				"cust-alice-0001", Set.of("acc-alice-chk-01", "acc-alice-sav-02"),
				Set.of("ACCOUNT_DETAILED", "TRANSACTIONS"), Set.of(), true));
		CASES.add(new Case("alice: credit card, basic, statements and payment networks", partner,
				partner.consent("alice", List.of("acc-alice-crd-03"),
						Partner.accountDetails("ACCOUNT_BASIC", "STATEMENTS", "PAYMENT_SUPPORT")),
				"cust-alice-0001", Set.of("acc-alice-crd-03"), Set.of("ACCOUNT_BASIC", "STATEMENTS", "PAYMENT_SUPPORT"),
				Set.of(), true));
		CASES.add(new Case("bob: checking and loan, basic, and his contact details", partner,
				partner.consent("bob", List.of("acc-bob-chk-01", "acc-bob-ln-02"),
						Partner.details(
								Map.of("ACCOUNT", List.of("ACCOUNT_BASIC"), "CUSTOMER", List.of("CUSTOMER_CONTACT")))),
				"cust-bob-0002", Set.of("acc-bob-chk-01", "acc-bob-ln-02"), Set.of("ACCOUNT_BASIC"),
				Set.of("CUSTOMER_CONTACT"), true));
		Tokens revoked = partner.consent("alice", List.of("acc-alice-chk-01"),
				Partner.accountDetails("ACCOUNT_DETAILED", "TRANSACTIONS"));
		HttpResponse<String> revocation = partner.send(0, "PUT",
				"/fdx/v6/consents/" + revoked.consentId() + "/revocation", revoked.accessToken(),
				"{\"reason\":\"USER_ACTION\",\"initiator\":\"DATA_RECIPIENT\"}");
		assertThat(revocation.statusCode()).as(revocation.body()).isEqualTo(204);
		CASES.add(new Case("alice: revoked", partner, revoked, "cust-alice-0001", Set.of("acc-alice-chk-01"),
				Set.of("ACCOUNT_DETAILED", "TRANSACTIONS"), Set.of(), false));
		Tokens expired = partner.consent("alice", List.of("acc-alice-sav-02"),
				Partner.accountDetails("ACCOUNT_DETAILED", "TRANSACTIONS"));
		try (Connection db = platform.database("test");
				PreparedStatement expire = db.prepareStatement("UPDATE consent.consent SET status = 'EXPIRED', "
						+ "expires_at = now() - interval '1 second' WHERE id = ?; SELECT pg_notify('consent_changed', ?)")) {
			expire.setString(1, expired.consentId());
			expire.setString(2, expired.consentId());
			expire.execute();
		}
		CASES.add(new Case("alice: expired", partner, expired, "cust-alice-0001", Set.of("acc-alice-sav-02"),
				Set.of("ACCOUNT_DETAILED", "TRANSACTIONS"), Set.of(), false));
		Tokens suspended = other.consent("alice", List.of("acc-alice-chk-01"),
				Partner.accountDetails("ACCOUNT_DETAILED", "TRANSACTIONS"));
		try (Connection db = platform.database("test");
				PreparedStatement suspend = db
					.prepareStatement("UPDATE registry.partner SET status = 'SUSPENDED' WHERE client_id = ?")) {
			suspend.setString(1, other.client.clientId.getValue());
			suspend.executeUpdate();
		}
		CASES.add(new Case("alice: partner suspended", other, suspended, "cust-alice-0001", Set.of("acc-alice-chk-01"),
				Set.of("ACCOUNT_DETAILED", "TRANSACTIONS"), Set.of(), false));
	}

	@Test
	@DisplayName("FAPI2 SP 5.3.4 / OWASP API1: every endpoint x account x token - exactly the consented ones are "
			+ "served, and the core sees no other request")
	void matrix() {
		core.clear();
		List<String> expectedAtCore = new ArrayList<>();
		SoftAssertions softly = new SoftAssertions();
		int instance = 0;
		for (Case grant : CASES) {
			for (String account : OWNERS.keySet()) {
				for (Map.Entry<String, Set<String>> endpoint : ENDPOINTS.entrySet()) {
					String path = endpoint.getKey().formatted(account);
					int expected = grant.expectedStatus(account, endpoint.getValue(), path.endsWith("/contact"));
					HttpResponse<String> response = grant.partner.get(instance++ % 2, path, grant.tokens.accessToken());
					softly.assertThat(response.statusCode())
						.as("%s: GET %s -> %s", grant.name, path, response.body())
						.isEqualTo(expected);
					softly.assertThat(code(response))
						.as("%s: GET %s FDX code", grant.name, path)
						.isEqualTo(switch (expected) {
							case 200 -> null;
							case 401 -> "603";
							case 404 -> "701";
							default -> "403";
						});
					if (expected == 200) {
						expectedAtCore.add(path + " for " + grant.customerId);
					}
				}
			}
			HttpResponse<String> accounts = grant.partner.get(instance++ % 2, "/fdx/v6/accounts",
					grant.tokens.accessToken());
			softly.assertThat(accounts.statusCode()).as("%s: accounts", grant.name).isEqualTo(grant.active ? 200 : 401);
			if (grant.active) {
				expectedAtCore.add("/fdx/v6/accounts for " + grant.customerId);
				List<String> listed = new ArrayList<>();
				JSON.readTree(accounts.body())
					.get("accounts")
					.forEach((item) -> listed.add(item.get("accountId").asString()));
				softly.assertThat(listed)
					.as("%s: accounts listed", grant.name)
					.containsExactlyInAnyOrderElementsOf(grant.accounts);
			}
			HttpResponse<String> customer = grant.partner.get(instance++ % 2, "/fdx/v6/customers/current",
					grant.tokens.accessToken());
			int expectedCustomer = !grant.active ? 401 : grant.customerClusters.isEmpty() ? 403 : 200;
			softly.assertThat(customer.statusCode()).as("%s: customer", grant.name).isEqualTo(expectedCustomer);
			if (expectedCustomer == 200) {
				expectedAtCore.add("/fdx/v6/customers/current for " + grant.customerId);
			}
		}
		List<String> atCore = core.requests()
			.stream()
			.map((request) -> request.get("path") + " for " + request.get("customerId"))
			.toList();
		softly.assertThat(atCore).as("what reached the core").containsExactlyInAnyOrderElementsOf(expectedAtCore);
		softly.assertAll();
	}

	private static String code(HttpResponse<String> response) {
		if (response.statusCode() == 200) {
			return null;
		}
		JsonNode body = JSON.readTree(response.body());
		return body.has("code") ? body.get("code").asString() : "(no code)";
	}

	private static Map<String, Set<String>> endpoints() {
		Map<String, Set<String>> endpoints = new LinkedHashMap<>();
		endpoints.put("/fdx/v6/accounts/%s", Set.of("ACCOUNT_BASIC", "ACCOUNT_DETAILED"));
		endpoints.put("/fdx/v6/accounts/%s/transactions", Set.of("TRANSACTIONS"));
		endpoints.put("/fdx/v6/accounts/%s/statements", Set.of("STATEMENTS"));
		endpoints.put("/fdx/v6/accounts/%s/payment-networks", Set.of("PAYMENT_SUPPORT", "ACCOUNT_PAYMENTS"));
		endpoints.put("/fdx/v6/accounts/%s/contact", Set.of("CUSTOMER_CONTACT", "CUSTOMER_PERSONAL"));
		return endpoints;
	}

	private record Case(String name, Partner partner, Tokens tokens, String customerId, Set<String> accounts,
			Set<String> clusters, Set<String> customerClusters, boolean active) {

		int expectedStatus(String account, Set<String> requires, boolean customerClustersCount) {
			if (!this.active) {
				return 401;
			}
			if (!this.accounts.contains(account)) {
				return 404;
			}
			boolean granted = requires.stream()
				.anyMatch((cluster) -> this.clusters.contains(cluster)
						|| (customerClustersCount && this.customerClusters.contains(cluster)));
			return granted ? 200 : 403;
		}

	}

}
