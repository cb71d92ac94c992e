package com.consentry.platform;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Field-level enforcement: a consent without a cluster never shows that cluster's fields
 * — in lists, in single resources, on every page — account numbers stay masked without a
 * payment cluster, and history stays within the lookback window.
 */
@Tag("integration")
class GatewayFieldLevelTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> BALANCES = Set.of("currentBalance", "availableBalance", "balanceAsOf",
			"availableCredit", "creditLine", "principalBalance", "interestRate");

	private static Partner partner;

	private static Tokens basic;

	private static Tokens detailed;

	private static Tokens payments;

	private static Tokens contact;

	private static Tokens statements;

	@BeforeAll
	static void consents() {
		RunningPlatform platform = RunningPlatform.get();
		partner = Partner.register(platform);
		basic = partner.consent("alice", List.of("acc-alice-chk-01", "acc-alice-crd-03"),
				Partner.accountDetails("ACCOUNT_BASIC"));
		detailed = partner.consent("alice", List.of("acc-alice-chk-01"),
				Partner.accountDetails("ACCOUNT_DETAILED", "TRANSACTIONS"));
		payments = partner.consent("alice", List.of("acc-alice-chk-01"),
				Partner.accountDetails("ACCOUNT_BASIC", "PAYMENT_SUPPORT"));
		statements = partner.consent("alice", List.of("acc-alice-crd-03"), Partner.accountDetails("STATEMENTS"));
		contact = partner.consent("bob", List.of("acc-bob-chk-01"),
				Partner.details(Map.of("ACCOUNT", List.of("ACCOUNT_BASIC"), "CUSTOMER", List.of("CUSTOMER_CONTACT"))));
	}

	@Test
	@DisplayName("FDX 2 ACCOUNT_BASIC: neither the list nor the account shows balances or the account number, "
			+ "and the displayed number is masked")
	void basicShowsNoDetails() {
		JsonNode list = ok(partner.get(0, "/fdx/v6/accounts?resultType=details", basic.accessToken()));
		assertThat(list.get("accounts")).hasSize(2);
		for (JsonNode account : list.get("accounts")) {
			assertThat(names(account)).doesNotContainAnyElementsOf(BALANCES).doesNotContain("accountNumber");
			assertThat(account.get("accountNumberDisplay").asString()).matches("\\.\\.\\.[0-9A-Za-z]{1,4}");
		}
		JsonNode card = ok(partner.get(1, "/fdx/v6/accounts/acc-alice-crd-03", basic.accessToken()));
		assertThat(names(card)).contains("accountId", "productName")
			.doesNotContainAnyElementsOf(BALANCES)
			.doesNotContain("accountNumber");
	}

	@Test
	@DisplayName("FDX 2 ACCOUNT_DETAILED: balances are shown; without PAYMENT_SUPPORT the account number is not")
	void detailedShowsBalancesButNoNumber() {
		JsonNode checking = ok(partner.get(0, "/fdx/v6/accounts/acc-alice-chk-01", detailed.accessToken()));
		assertThat(names(checking)).contains("currentBalance", "availableBalance").doesNotContain("accountNumber");
	}

	@Test
	@DisplayName("FDX 2 PAYMENT_SUPPORT: the account number and the payment networks are released, the number as "
			+ "the partner's token")
	void paymentSupportReleasesNumbers() {
		JsonNode checking = ok(partner.get(0, "/fdx/v6/accounts/acc-alice-chk-01", payments.accessToken()));
		String token = checking.get("accountNumber").asString();
		assertThat(token).hasSize("021000021000123401".length()).isNotEqualTo("021000021000123401");
		assertThat(names(checking)).doesNotContainAnyElementsOf(BALANCES);
		JsonNode networks = ok(
				partner.get(1, "/fdx/v6/accounts/acc-alice-chk-01/payment-networks", payments.accessToken()));
		assertThat(networks.get("paymentNetworks")).isNotEmpty();
		networks.get("paymentNetworks")
			.forEach((network) -> assertThat(network.get("identifier").asString()).isEqualTo(token));
	}

	@Test
	@DisplayName("FDX 3.1, 3.2: every page of transactions keeps to the transaction fields and the 90-day "
			+ "lookback, and the pages add up to the total")
	void everyPageOfTransactions() {
		LocalDate oldest = LocalDate.now(ZoneOffset.UTC).minusDays(90);
		String next = "/fdx/v6/accounts/acc-alice-chk-01/transactions?startTime=" + oldest.minusDays(200) + "&endTime="
				+ LocalDate.now(ZoneOffset.UTC) + "&limit=25";
		List<String> ids = new ArrayList<>();
		int pages = 0;
		Integer total = null;
		while (next != null) {
			JsonNode page = ok(partner.get(pages % 2, next, detailed.accessToken()));
			pages++;
			if (total == null && page.has("page") && page.get("page").has("totalElements")) {
				total = page.get("page").get("totalElements").asInt();
			}
			for (JsonNode transaction : page.get("transactions")) {
				assertThat(names(transaction)).doesNotContain("imageIds", "reward");
				String posted = transaction.has("postedTimestamp") ? transaction.get("postedTimestamp").asString()
						: transaction.get("transactionTimestamp").asString();
				assertThat(OffsetDateTime.parse(posted).toLocalDate()).isAfterOrEqualTo(oldest);
				ids.add(transaction.get("transactionId").asString());
			}
			JsonNode link = page.path("links").path("next").path("href");
			next = link.isString() ? link.asString() : null;
			if (next != null && next.startsWith("http")) {
				assertThat(next).doesNotContain(RunningPlatform.get().sandbox().toString());
				next = next.substring(next.indexOf("/fdx/"));
			}
		}
		assertThat(pages).as("pages").isGreaterThan(1);
		assertThat(new HashSet<>(ids)).as("no transaction twice").hasSameSizeAs(ids);
		assertThat(ids).hasSize(total);
	}

	@Test
	@DisplayName("FDX 2 CUSTOMER_CONTACT: the customer's contact details without date of birth or tax id, and "
			+ "only consented accounts listed")
	void contactWithoutPersonalData() {
		JsonNode customer = ok(partner.get(0, "/fdx/v6/customers/current", contact.accessToken()));
		assertThat(names(customer)).contains("customerId", "name").doesNotContain("dateOfBirth", "taxId");
		List<String> accounts = new ArrayList<>();
		customer.get("accounts").forEach((account) -> accounts.add(account.get("accountId").asString()));
		assertThat(accounts).containsExactly("acc-bob-chk-01");
	}

	@Test
	@DisplayName("FDX 3 getAccountStatement: a consented account's statement comes through as the core's PDF; "
			+ "an unknown one is 404 1104")
	void statementDocument() {
		JsonNode list = ok(partner.get(0, "/fdx/v6/accounts/acc-alice-crd-03/statements", statements.accessToken()));
		String id = list.get("statements").get(0).get("statementId").asString();
		HttpResponse<String> pdf = partner.get(1, "/fdx/v6/accounts/acc-alice-crd-03/statements/" + id,
				statements.accessToken());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/pdf"));
		assertThat(pdf.body()).startsWith("%PDF-");
		HttpResponse<String> unknown = partner.get(0, "/fdx/v6/accounts/acc-alice-crd-03/statements/no-such",
				statements.accessToken());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("\"code\":\"1104\"");
	}

	@Test
	@DisplayName("FDX 3 getAccountStatement + consent lookbackPeriod: a statement older than the lookback is 404 "
			+ "1104 even by its id, and the document carries none of the core's own headers")
	void statementDocumentKeepsToTheLookback() {
		// the core has the old statement: asked directly, it lists one from about 300
		// days
		// ago
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		HttpResponse<String> core = Partner
			.send(HttpRequest
				.newBuilder(RunningPlatform.get()
					.sandbox()
					.resolve("/fdx/v6/accounts/acc-alice-crd-03/statements?startTime=" + today.minusDays(330)
							+ "&endTime=" + today.minusDays(270)))
				.header("x-consentry-customer-id", "cust-alice-0001")
				.GET()
				.build());
		assertThat(core.statusCode()).as(core.body()).isEqualTo(200);
		String old = JSON.readTree(core.body()).get("statements").get(0).get("statementId").asString();

		HttpResponse<String> outside = partner.get(0, "/fdx/v6/accounts/acc-alice-crd-03/statements/" + old,
				statements.accessToken());
		assertThat(outside.statusCode()).as(outside.body()).isEqualTo(404);
		assertThat(outside.body()).contains("\"code\":\"1104\"");

		JsonNode list = ok(partner.get(1, "/fdx/v6/accounts/acc-alice-crd-03/statements", statements.accessToken()));
		String recent = list.get("statements").get(0).get("statementId").asString();
		HttpResponse<String> pdf = partner.get(0, "/fdx/v6/accounts/acc-alice-crd-03/statements/" + recent,
				statements.accessToken());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains(recent + ".pdf"));
		assertThat(pdf.headers().map()).doesNotContainKey("x-core-node");
		assertThat(pdf.headers().allValues("x-fapi-interaction-id")).hasSize(1);
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-fapi-interaction-id")).isPresent();
		return JSON.readTree(response.body());
	}

	private static Set<String> names(JsonNode node) {
		return new HashSet<>(node.propertyNames());
	}

}
