package com.consentry.sandbox;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.consentry.sandbox.faults.FaultInjection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox over real HTTP on loopback, reading a real PostgreSQL whose {@code bank}
 * schema comes from {@code db/migrations/bank}, as the authorization server creates it.
 * Today is fixed at {@link #TODAY}.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoreBankingSandboxTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final EmbeddedPostgres DATABASE = startDatabase();

	@LocalServerPort
	int port;

	@TestConfiguration
	static class FixedToday {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
		}

	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	private static EmbeddedPostgres startDatabase() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Flyway.configure()
				.dataSource(postgres.getPostgresDatabase())
				.locations("filesystem:../db/migrations/bank")
				.load()
				.migrate();
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			jdbc.sql("INSERT INTO bank.customer VALUES ('cust-a', 'Alice', 'Archer', 'alice@example.com'), "
					+ "('cust-b', 'Bob', 'Baker', NULL), ('cust-c', 'Carol', 'Cole', NULL)")
				.update();
			jdbc.sql("INSERT INTO bank.account (account_id, customer_id, account_category, account_type, product_name, "
					+ "nickname, account_number, current_balance) VALUES "
					+ "('acc-a-chk', 'cust-a', 'DEPOSIT_ACCOUNT', 'CHECKING', 'Everyday Checking', 'Bills', "
					+ "'021000021000123401', 2450.17), "
					+ "('acc-a-sav', 'cust-a', 'DEPOSIT_ACCOUNT', 'SAVINGS', 'High-Yield Savings', NULL, "
					+ "'021000021000567802', 18200.00), "
					+ "('acc-a-crd', 'cust-a', 'LOC_ACCOUNT', 'CREDITCARD', 'Cashback Visa', NULL, '4111111111114321', "
					+ "-612.40), "
					+ "('acc-b-chk', 'cust-b', 'DEPOSIT_ACCOUNT', 'CHECKING', 'Everyday Checking', NULL, "
					+ "'021000021000998801', 310.55), "
					+ "('acc-b-ln', 'cust-b', 'LOAN_ACCOUNT', 'AUTOLOAN', 'Auto Loan', 'Car', 'LN00004410022', "
					+ "-14250.00), "
					+ "('acc-b-inv', 'cust-b', 'INVESTMENT_ACCOUNT', 'BROKERAGE', 'Self-Directed Brokerage', NULL, "
					+ "'IV00007730031', 52840.25)")
				.update();
			return postgres;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		DATABASE.close();
	}

	@AfterEach
	void noFault() {
		send("DELETE", "/sandbox/faults", null);
	}

	@Test
	@DisplayName("FDX §3 searchForAccounts: without accountIds, the accounts of the customer the gateway names, as lightweight descriptors")
	void accountsOfTheCustomer() {
		HttpResponse<String> response = get("/fdx/v6/accounts", "x-consentry-customer-id", "cust-a");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = json(response);
		assertThat(ids(body.get("accounts"))).containsExactly("acc-a-chk", "acc-a-crd", "acc-a-sav");
		JsonNode checking = body.get("accounts").get(0);
		assertThat(checking.propertyNames()).containsExactlyInAnyOrder("accountCategory", "accountId", "accountType",
				"accountNumberDisplay", "productName", "nickname", "status", "currency", "description",
				"accountOpenDate");
		assertThat(checking.get("accountNumberDisplay").asString()).isEqualTo("...3401");
		assertThat(checking.get("currency").get("currencyCode").asString()).isEqualTo("USD");
		assertThat(checking.get("accountOpenDate").asString()).matches("\\d{4}-\\d\\d-\\d\\d");
		assertThat(response.body()).doesNotContain("021000021000123401");
		assertThat(body.get("page").get("totalElements").asInt()).isEqualTo(3);
		assertThat(body.has("links")).isFalse();
		assertThat(ids(json(get("/fdx/v6/accounts", "x-consentry-customer-id", "cust-c")).get("accounts"))).isEmpty();
		assertFdxError(get("/fdx/v6/accounts/acc-c-sav"), 404, "701");
		JdbcClient.create(DATABASE.getPostgresDatabase())
			.sql("INSERT INTO bank.account (account_id, customer_id, account_category, account_type, product_name, "
					+ "account_number, current_balance) VALUES ('acc-c-sav', 'cust-c', 'DEPOSIT_ACCOUNT', 'SAVINGS', "
					+ "'Savings', '021000021000777703', 10.00)")
			.update();
		assertThat(ids(json(get("/fdx/v6/accounts", "x-consentry-customer-id", "cust-c")).get("accounts")))
			.as("an account the bank opens is listed at once")
			.containsExactly("acc-c-sav");
		assertThat(get("/fdx/v6/accounts/acc-c-sav").statusCode()).as("an absent account is not remembered")
			.isEqualTo(200);
	}

	@Test
	@DisplayName("FDX §3 searchForAccounts: with accountIds exactly those accounts, whoever owns them, in the order asked; unknown ids left out")
	void accountsById() {
		JsonNode body = json(get("/fdx/v6/accounts?accountIds=acc-b-ln,acc-a-sav,acc-nobody,acc-b-ln",
				"x-consentry-customer-id", "cust-a"));
		assertThat(ids(body.get("accounts"))).containsExactly("acc-b-ln", "acc-a-sav");
		JsonNode paged = json(get("/fdx/v6/accounts?accountIds=acc-a-chk,acc-a-sav,acc-a-crd&limit=2"));
		assertThat(ids(paged.get("accounts"))).containsExactly("acc-a-chk", "acc-a-sav");
		assertThat(paged.get("links").get("next").get("href").asString())
			.isEqualTo("/fdx/v6/accounts?accountIds=acc-a-chk%2Cacc-a-sav%2Cacc-a-crd&offset=2&limit=2");
		JsonNode last = json(get(paged.get("links").get("next").get("href").asString()));
		assertThat(ids(last.get("accounts"))).containsExactly("acc-a-crd");
		assertThat(last.get("page").has("nextOffset")).isFalse();
	}

	@Test
	@DisplayName("FDX §3 searchForAccounts: resultType=details gives whole accounts; a bad resultType, no customer or an unknown one are FDX errors")
	void accountSearchDetailsAndErrors() {
		JsonNode details = json(get("/fdx/v6/accounts?resultType=details", "x-consentry-customer-id", "cust-b"));
		assertThat(ids(details.get("accounts"))).containsExactly("acc-b-chk", "acc-b-inv", "acc-b-ln");
		assertThat(details.get("accounts").get(1).get("holdings").size()).isGreaterThanOrEqualTo(2);
		assertThat(details.get("accounts").get(2).get("accountNumber").asString()).isEqualTo("LN00004410022");
		assertFdxError(get("/fdx/v6/accounts?resultType=everything", "x-consentry-customer-id", "cust-b"), 400, "401");
		assertFdxError(get("/fdx/v6/accounts"), 400, "401");
		assertFdxError(get("/fdx/v6/accounts?accountIds=,,"), 400, "401");
		assertFdxError(get("/fdx/v6/accounts", "x-consentry-customer-id", "cust-nobody"), 404, "601");
	}

	@Test
	@DisplayName("FDX §3 getAccount: AccountWithDetails per category, flat, with the full account number and figures that agree")
	void accountDetails() {
		JsonNode checking = json(get("/fdx/v6/accounts/acc-a-chk"));
		assertThat(checking.get("accountCategory").asString()).isEqualTo("DEPOSIT_ACCOUNT");
		assertThat(checking.get("accountNumber").asString()).isEqualTo("021000021000123401");
		assertThat(checking.get("accountNumberDisplay").asString()).isEqualTo("...3401");
		assertThat(checking.get("currentBalance").decimalValue()).isEqualByComparingTo("2450.17");
		assertThat(checking.get("availableBalance").decimalValue()).isLessThanOrEqualTo(new BigDecimal("2450.17"));
		assertThat(checking.get("openingDayBalance").decimalValue()).isEqualByComparingTo("2450.17");
		assertThat(checking.get("balanceAsOf").asString()).isEqualTo("2026-11-18T00:00:00.000Z");
		assertThat(checking.has("annualPercentageYield")).isTrue();
		assertThat(checking.has("interestYtd")).isTrue();
		JsonNode savings = json(get("/fdx/v6/accounts/acc-a-sav"));
		assertThat(savings.get("interestYtd").decimalValue()).isBetween(new BigDecimal("400"), new BigDecimal("800"));

		JsonNode card = json(get("/fdx/v6/accounts/acc-a-crd"));
		assertThat(card.get("accountCategory").asString()).isEqualTo("LOC_ACCOUNT");
		assertThat(card.get("currentBalance").decimalValue()).isEqualByComparingTo("612.40");
		assertThat(card.get("availableCredit").decimalValue())
			.isLessThanOrEqualTo(card.get("creditLine").decimalValue().subtract(new BigDecimal("612.40")));
		assertThat(card.get("paymentDueDate").asString()).isEqualTo("2026-11-25");
		assertThat(card.get("minimumPaymentAmount").decimalValue()).isEqualByComparingTo("25.00");
		// payments are made on the 20th
		assertThat(card.get("lastPaymentDate").asString()).isEqualTo("2026-10-20");
		assertThat(card.get("lastPaymentAmount").decimalValue()).isPositive();
		assertThat(card.get("purchasesApr").decimalValue()).isPositive();

		JsonNode loan = json(get("/fdx/v6/accounts/acc-b-ln"));
		assertThat(loan.get("accountCategory").asString()).isEqualTo("LOAN_ACCOUNT");
		assertThat(loan.get("principalBalance").decimalValue()).isEqualByComparingTo("14250.00");
		assertThat(loan.get("nextPaymentDate").asString()).isEqualTo("2026-12-05");
		assertThat(loan.get("originalPrincipal").decimalValue()).isGreaterThan(new BigDecimal("14250"));
		assertThat(loan.get("loanTerm").asInt()).isIn(60, 72);
		assertThat(loan.get("interestRate").decimalValue()).isPositive();
		assertThat(loan.get("nextPaymentAmount").decimalValue()).isPositive();
		assertThat(loan.get("maturityDate").asString()).matches("20(29|30|31)-\\d\\d-05");

		JsonNode investment = json(get("/fdx/v6/accounts/acc-b-inv"));
		assertThat(investment.get("currentValue").decimalValue()).isEqualByComparingTo("52840.25");
		BigDecimal sum = investment.get("availableCashBalance").decimalValue();
		for (JsonNode holding : investment.get("holdings")) {
			assertThat(holding.propertyNames()).contains("holdingId", "securityId", "securityIdType", "symbol",
					"holdingName", "units", "marketValue", "purchasedPrice", "currentUnitPrice");
			sum = sum.add(holding.get("marketValue").decimalValue());
		}
		assertThat(sum).isEqualByComparingTo("52840.25");
	}

	@Test
	@DisplayName("FDX §3.3: an unknown account is 404 code 701 on every account endpoint, in FDX's error shape")
	void unknownAccount() {
		for (String path : List.of("", "/transactions", "/statements", "/statements/stmt-x", "/payment-networks",
				"/contact")) {
			HttpResponse<String> response = get("/fdx/v6/accounts/acc-nobody" + path);
			assertFdxError(response, 404, "701");
			assertThat(json(response).get("message").asString()).isEqualTo("Account not found");
		}
		assertFdxError(get("/fdx/v6/no-such-thing"), 404, "1107");
		assertFdxError(send("POST", "/fdx/v6/accounts", "{}"), 405, "1206");
	}

	@Test
	@DisplayName("FDX §3 searchForAccountTransactions: the last 30 days by default, newest first, paged to the end through links.next.href")
	void transactionsPagedToTheEnd() {
		List<JsonNode> all = new ArrayList<>();
		String next = "/fdx/v6/accounts/acc-a-crd/transactions?limit=10";
		int total = -1;
		int pages = 0;
		while (next != null) {
			JsonNode body = json(get(next));
			total = body.get("page").get("totalElements").asInt();
			body.get("transactions").forEach(all::add);
			pages++;
			next = body.has("links") ? body.get("links").get("next").get("href").asString() : null;
			if (next != null) {
				assertThat(next).contains("startTime=2026-10-20", "endTime=2026-11-18", "limit=10");
				assertThat(body.get("page").get("nextPageKey").asString())
					.isEqualTo(body.get("page").get("nextOffset").asString());
			}
		}
		assertThat(all).hasSize(total);
		assertThat(pages).isEqualTo((total + 9) / 10);
		Set<String> ids = new HashSet<>();
		String previous = "9999";
		for (JsonNode transaction : all) {
			assertThat(ids.add(transaction.get("transactionId").asString())).isTrue();
			String at = transaction.get("transactionTimestamp").asString();
			assertThat(at).isLessThanOrEqualTo(previous).isBetween("2026-10-20", "2026-11-19");
			previous = at;
			assertThat(transaction.get("accountCategory").asString()).isEqualTo("LOC_ACCOUNT");
			assertThat(transaction.get("status").asString())
				.isEqualTo(at.compareTo("2026-11-17") >= 0 ? "PENDING" : "POSTED");
			assertThat(transaction.has("amount")).isTrue();
			assertThat(transaction.has("category")).isTrue();
		}
		JsonNode checking = json(
				get("/fdx/v6/accounts/acc-a-chk/transactions?startTime=2026-11-01&endTime=2026-11-01"));
		JsonNode rent = checking.get("transactions")
			.valueStream()
			.filter((t) -> t.get("category").asString().equals("Rent"))
			.findFirst()
			.orElseThrow();
		assertThat(rent.propertyNames())
			.contains("accountId", "transactionId", "postedTimestamp", "transactionTimestamp", "description", "memo",
					"debitCreditMemo", "category", "status", "amount", "payee", "checkNumber")
			.doesNotContain("credit", "date", "at", "sequence");
		assertThat(rent.get("transactionId").asString()).startsWith("txn-acc-a-chk-20261101-");
	}

	@Test
	@DisplayName("FDX §3.2: startTime/endTime and startDate/endDate ranges; one bound alone or start after end is 703, a bad date 702")
	void transactionDateFilters() {
		JsonNode march = json(
				get("/fdx/v6/accounts/acc-a-chk/transactions?startDate=2026-03-01&endDate=2026-03-31&limit=100"));
		assertThat(march.get("transactions").size()).isPositive();
		march.get("transactions")
			.forEach((t) -> assertThat(t.get("transactionTimestamp").asString()).startsWith("2026-03-"));
		JsonNode year = json(
				get("/fdx/v6/accounts/acc-a-sav/transactions?startTime=2025-10-01&endTime=2026-11-18&limit=100"));
		assertThat(
				year.get("transactions").valueStream().filter((t) -> t.get("category").asString().equals("Interest")))
			.hasSize(13);
		assertFdxError(get("/fdx/v6/accounts/acc-a-chk/transactions?startTime=2026-03-01"), 400, "703");
		assertFdxError(get("/fdx/v6/accounts/acc-a-chk/transactions?endTime=2026-03-01"), 400, "703");
		assertFdxError(get("/fdx/v6/accounts/acc-a-chk/transactions?startTime=2026-03-02&endTime=2026-03-01"), 400,
				"703");
		assertFdxError(get("/fdx/v6/accounts/acc-a-chk/transactions?startTime=03/01/2026&endTime=2026-03-31"), 400,
				"702");
	}

	@Test
	@DisplayName("FDX §3.1, §3.3: a bad limit or cursor is 400 code 401 on every list")
	void badPaging() {
		for (String path : List.of("/fdx/v6/accounts?accountIds=acc-a-chk&", "/fdx/v6/accounts/acc-a-chk/transactions?",
				"/fdx/v6/accounts/acc-a-chk/statements?", "/fdx/v6/accounts/acc-a-chk/payment-networks?")) {
			assertFdxError(get(path + "limit=0"), 400, "401");
			assertFdxError(get(path + "limit=101"), 400, "401");
			assertFdxError(get(path + "offset=first"), 400, "401");
		}
	}

	@Test
	@DisplayName("FDX §3 statements: 13 monthly statements linking to the PDF; the PDF; Accept without PDF is 406 code 1203; unknown 404 code 1104")
	void statements() {
		JsonNode body = json(get("/fdx/v6/accounts/acc-a-chk/statements?limit=100"));
		JsonNode statements = body.get("statements");
		assertThat(statements.size()).isEqualTo(13);
		assertThat(body.get("page").get("totalElements").asInt()).isEqualTo(13);
		JsonNode newest = statements.get(0);
		assertThat(newest.get("statementId").asString()).isEqualTo("stmt-acc-a-chk-202610");
		assertThat(newest.get("statementDate").asString()).isEqualTo("2026-10-31");
		assertThat(newest.get("status").asString()).isEqualTo("AVAILABLE");
		assertThat(newest.get("description").asString()).isNotBlank();
		assertThat(statements.get(12).get("statementDate").asString()).isEqualTo("2025-10-31");
		JsonNode link = newest.get("links").get(0);
		assertThat(link.get("href").asString())
			.isEqualTo("/fdx/v6/accounts/acc-a-chk/statements/stmt-acc-a-chk-202610");
		assertThat(link.get("types").get(0).asString()).isEqualTo("application/pdf");

		JsonNode filtered = json(get("/fdx/v6/accounts/acc-a-chk/statements?startTime=2026-01-01&endTime=2026-03-31"));
		assertThat(filtered.get("statements").valueStream().map((s) -> s.get("statementDate").asString()))
			.containsExactly("2026-03-31", "2026-02-28", "2026-01-31");
		assertFdxError(get("/fdx/v6/accounts/acc-a-chk/statements?startTime=2026-01-01"), 400, "703");

		HttpResponse<byte[]> pdf = getBytes(link.get("href").asString(), "Accept", "application/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		String document = new String(pdf.body(), StandardCharsets.ISO_8859_1);
		assertThat(document).startsWith("%PDF-1.4").endsWith("%%EOF\n").contains("Alice Archer", "...3401");
		assertThat(getBytes(link.get("href").asString()).statusCode()).as("no Accept").isEqualTo(200);
		assertThat(getBytes(link.get("href").asString(), "Accept", "application/*;q=0.5, text/html").statusCode())
			.isEqualTo(200);
		assertFdxError(get(link.get("href").asString(), "Accept", "image/png"), 406, "1203");
		assertFdxError(get(link.get("href").asString(), "Accept", "application/json"), 406, "1203");
		assertFdxError(get(link.get("href").asString(), "Accept", "application/pdf;q=0, text/plain"), 406, "1203");
		assertFdxError(get("/fdx/v6/accounts/acc-a-chk/statements/stmt-acc-a-chk-202611"), 404, "1104");
		assertFdxError(get("/fdx/v6/accounts/acc-a-chk/statements/stmt-acc-a-sav-202610"), 404, "1104");
	}

	@Test
	@DisplayName("FDX §3 getAccountPaymentNetworks: ACH and wire with the routing and full account number for deposit accounts, none for others")
	void paymentNetworks() {
		JsonNode deposit = json(get("/fdx/v6/accounts/acc-a-chk/payment-networks"));
		assertThat(deposit.get("page").get("totalElements").asInt()).isEqualTo(2);
		assertThat(deposit.get("paymentNetworks").valueStream().map((n) -> n.get("type").asString()))
			.containsExactly("US_ACH", "US_FEDWIRE");
		JsonNode ach = deposit.get("paymentNetworks").get(0);
		assertThat(ach.get("bankId").asString()).isEqualTo("021000021");
		assertThat(ach.get("identifier").asString()).isEqualTo("021000021000123401");
		assertThat(ach.get("identifierType").asString()).isEqualTo("ACCOUNT_NUMBER");
		assertThat(ach.get("transferIn").asBoolean()).isTrue();
		assertThat(ach.get("transferOut").asBoolean()).isTrue();
		for (String other : List.of("acc-a-crd", "acc-b-ln", "acc-b-inv")) {
			JsonNode none = json(get("/fdx/v6/accounts/" + other + "/payment-networks"));
			assertThat(none.get("paymentNetworks").size()).isZero();
			assertThat(none.get("page").get("totalElements").asInt()).isZero();
		}
	}

	@Test
	@DisplayName("FDX §3 getAccountContact and getCustomerInfo: the holder's contact data; the customer with date of birth, full tax id and accounts")
	void contactAndCustomer() {
		JsonNode contact = json(get("/fdx/v6/accounts/acc-a-sav/contact"));
		assertThat(contact.get("holders").get(0).get("name").get("first").asString()).isEqualTo("Alice");
		assertThat(contact.get("holders").get(0).get("name").get("last").asString()).isEqualTo("Archer");
		assertThat(contact.get("holders").get(0).get("relationship").asString()).isEqualTo("PRIMARY");
		assertThat(contact.get("emails").get(0).asString()).isEqualTo("alice@example.com");
		assertThat(contact.get("addresses").get(0).propertyNames()).containsExactlyInAnyOrder("line1", "city", "region",
				"postalCode", "country");
		assertThat(contact.get("telephones").get(0).propertyNames()).containsExactlyInAnyOrder("type", "country",
				"number");
		assertThat(json(get("/fdx/v6/accounts/acc-b-ln/contact")).get("emails").get(0).asString())
			.isEqualTo("bob.baker@example.com");

		JsonNode customer = json(get("/fdx/v6/customers/current", "x-consentry-customer-id", "cust-b"));
		assertThat(customer.get("customerId").asString()).isEqualTo("cust-b");
		assertThat(customer.get("name").get("first").asString()).isEqualTo("Bob");
		assertThat(customer.get("email").get(0).asString()).isEqualTo("bob.baker@example.com");
		assertThat(customer.get("dateOfBirth").asString()).matches("\\d{4}-\\d\\d-\\d\\d");
		assertThat(customer.get("taxId").asString()).matches("9\\d\\d-\\d\\d-\\d{4}");
		assertThat(customer.get("addresses").size()).isEqualTo(1);
		assertThat(customer.get("telephones").size()).isEqualTo(2);
		assertThat(customer.get("accounts").valueStream().map((a) -> a.get("accountId").asString()))
			.containsExactly("acc-b-chk", "acc-b-inv", "acc-b-ln");
		assertThat(customer.get("accounts").get(0).get("relationship").asString()).isEqualTo("PRIMARY");
		assertThat(json(get("/fdx/v6/customers/current", "x-consentry-customer-id", "cust-b"))).isEqualTo(customer);
		assertFdxError(get("/fdx/v6/customers/current"), 400, "401");
		assertFdxError(get("/fdx/v6/customers/current", "x-consentry-customer-id", "cust-nobody"), 404, "601");
	}

	@Test
	@DisplayName("FDX §3: x-fapi-interaction-id is echoed, or made when absent, on every response, errors included")
	void interactionId() {
		HttpResponse<String> echoed = get("/fdx/v6/accounts/acc-a-chk", "x-fapi-interaction-id",
				"c770aef3-6784-41f7-8e0e-ff5f97bddb3a");
		assertThat(echoed.headers().firstValue("x-fapi-interaction-id"))
			.hasValue("c770aef3-6784-41f7-8e0e-ff5f97bddb3a");
		HttpResponse<String> error = get("/fdx/v6/accounts/acc-nobody", "x-fapi-interaction-id", "req-42");
		assertThat(error.headers().firstValue("x-fapi-interaction-id")).hasValue("req-42");
		HttpResponse<String> made = get("/fdx/v6/accounts/acc-a-chk");
		assertThat(made.headers().firstValue("x-fapi-interaction-id").orElseThrow())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		HttpResponse<String> notPlain = get("/fdx/v6/accounts/acc-a-chk", "x-fapi-interaction-id", "<script>");
		assertThat(notPlain.headers().firstValue("x-fapi-interaction-id").orElseThrow()).doesNotContain("<");
	}

	@Test
	@DisplayName("Sandbox request log: every /fdx request in arrival order with method, path, query, customer and interaction id; DELETE clears it")
	void requestLog() {
		assertThat(send("DELETE", "/sandbox/requests", null).statusCode()).isEqualTo(204);
		get("/fdx/v6/accounts?resultType=details", "x-consentry-customer-id", "cust-a", "x-fapi-interaction-id",
				"log-1");
		get("/fdx/v6/accounts/acc-nobody/transactions?startTime=2026-01-01&endTime=2026-01-31", "x-fapi-interaction-id",
				"log-2");
		get("/sandbox/faults");
		JsonNode log = json(get("/sandbox/requests")).get("requests");
		assertThat(log.size()).isEqualTo(2);
		JsonNode first = log.get(0);
		assertThat(first.get("method").asString()).isEqualTo("GET");
		assertThat(first.get("path").asString()).isEqualTo("/fdx/v6/accounts");
		assertThat(first.get("query").asString()).isEqualTo("resultType=details");
		assertThat(first.get("customerId").asString()).isEqualTo("cust-a");
		assertThat(first.get("interactionId").asString()).isEqualTo("log-1");
		assertThat(first.get("time").asString()).isEqualTo("2026-11-18T12:00:00Z");
		JsonNode second = log.get(1);
		assertThat(second.get("path").asString()).isEqualTo("/fdx/v6/accounts/acc-nobody/transactions");
		assertThat(second.get("customerId").isNull()).isTrue();
		assertThat(second.get("interactionId").asString()).isEqualTo("log-2");
		send("DELETE", "/sandbox/requests", null);
		assertThat(json(get("/sandbox/requests")).get("requests").size()).isZero();
	}

	@Test
	@DisplayName("Sandbox faults: a status fails every FDX request with internal-looking detail, a delay delays it, DELETE ends it, a bad fault is 400")
	void faults() {
		HttpResponse<String> set = send("PUT", "/sandbox/faults", "{\"status\":503}");
		assertThat(set.statusCode()).isEqualTo(200);
		HttpResponse<String> failed = get("/fdx/v6/accounts/acc-a-chk", "x-fapi-interaction-id", "fault-1");
		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(failed.body()).contains(FaultInjection.LEAK_MARKER, "PSQLException", "AccountDao.java");
		assertThat(json(failed).get("code").asString()).isEqualTo("500");
		assertThat(failed.headers().firstValue(FaultInjection.INTERNAL_HEADER)).isPresent();
		assertThat(failed.headers().firstValue("x-fapi-interaction-id")).hasValue("fault-1");
		assertThat(json(get("/sandbox/requests")).get("requests")
			.valueStream()
			.anyMatch((r) -> r.get("interactionId").asString().equals("fault-1"))).as("still logged").isTrue();
		assertThat(get("/sandbox/requests").statusCode()).as("sandbox endpoints are not faulted").isEqualTo(200);

		send("PUT", "/sandbox/faults", "{\"delayMillis\":400}");
		long start = System.nanoTime();
		HttpResponse<String> slow = get("/fdx/v6/accounts/acc-a-chk");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(slow.statusCode()).isEqualTo(200);

		assertThat(send("DELETE", "/sandbox/faults", null).statusCode()).isEqualTo(204);
		assertThat(get("/sandbox/faults").statusCode()).isEqualTo(204);
		assertThat(get("/fdx/v6/accounts/acc-a-chk").statusCode()).isEqualTo(200);

		assertFdxError(send("PUT", "/sandbox/faults", "{\"status\":200}"), 400, "401");
		assertFdxError(send("PUT", "/sandbox/faults", "{\"delayMillis\":-1}"), 400, "401");
		assertFdxError(send("PUT", "/sandbox/faults", "{\"delayMillis\":60001}"), 400, "401");
		assertFdxError(send("PUT", "/sandbox/faults", "not json"), 400, "401");
		assertThat(get("/sandbox/faults").statusCode()).as("a refused fault sets nothing").isEqualTo(204);
	}

	@Test
	@DisplayName("Loopback only: the sandbox refuses to start on an address other machines can reach")
	void refusesToStartOffLoopback() {
		// as an operator would set it: on the command line (or SERVER_ADDRESS), over
		// application.yaml's loopback
		assertThatThrownBy(() -> new SpringApplicationBuilder(CoreBankingSandboxApplication.class)
			.run("--server.address=0.0.0.0", "--server.port=0",
					"--spring.datasource.url=" + DATABASE.getJdbcUrl("postgres", "postgres"))
			.close()).hasStackTraceContaining("binds to loopback only");
	}

	private static List<String> ids(JsonNode accounts) {
		return accounts.valueStream().map((account) -> account.get("accountId").asString()).toList();
	}

	private static void assertFdxError(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("x-fapi-interaction-id")).isPresent();
		JsonNode body = json(response);
		assertThat(body.get("code").isString()).isTrue();
		assertThat(body.get("code").asString()).isEqualTo(code);
		assertThat(body.get("message").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "at com.");
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> get(String path, String... headers) {
		return exchange(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<byte[]> getBytes(String path, String... headers) {
		return exchange(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<String> send(String method, String path, String body) {
		HttpRequest.Builder request = request(path, "Content-Type", "application/json");
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return exchange(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return request;
	}

	private static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return HTTP.send(request, body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
