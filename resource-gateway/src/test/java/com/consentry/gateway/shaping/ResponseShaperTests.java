package com.consentry.gateway.shaping;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.consentry.consent.DataCluster;
import com.consentry.gateway.fdx.FdxEndpoint;
import com.consentry.gateway.grant.Grant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field- and object-level enforcement on core-banking answers (FDX §2): what a consent
 * lets through of each endpoint's body, field by field, and where links point.
 */
class ResponseShaperTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	/** 90 days of lookback from {@link #NOW}. */
	private static final Instant WINDOW_START = Instant.parse("2026-09-02T00:00:00Z");

	private static final String UPSTREAM = "http://core.internal:8081";

	private static final String PUBLIC = "https://api.bank.example";

	private static final String ACCOUNT = """
			{
			  "accountId": "%s",
			  "accountCategory": "DEPOSIT_ACCOUNT",
			  "accountType": "CHECKING",
			  "accountNumberDisplay": "1234567890",
			  "accountNumber": "1234567890",
			  "productName": "Everyday Checking",
			  "nickname": "Bills",
			  "status": "OPEN",
			  "currency": { "currencyCode": "USD" },
			  "currentBalance": 1523.42,
			  "availableBalance": 1500.00,
			  "balanceAsOf": "2026-12-01T00:00:00.000Z",
			  "interestYtd": 3.21,
			  "routingNumber": "021000021",
			  "internalRiskScore": 7,
			  "customerId": "customer-1"
			}""";

	private final ResponseShaper shaper = new ResponseShaper((grant, accountId, number) -> "tok-" + accountId);

	@Test
	@DisplayName("FDX §2: the accounts list keeps only the consented accounts, in the core's order")
	void accountsListKeepsOnlyConsentedAccounts() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.ACCOUNT_BASIC), "acc-2",
				EnumSet.of(DataCluster.ACCOUNT_DETAILED)), Set.of());
		String body = """
				{
				  "page": { "nextOffset": "5", "totalElements": 9 },
				  "accounts": [ %s, %s, %s, { "accountCategory": "DEPOSIT_ACCOUNT" }, "acc-1", { "accountId": 1 }, %s ]
				}""".formatted(account("acc-2"), account("acc-9"), account("acc-1"), account("acc-2x"));
		JsonNode shaped = shape("/fdx/v6/accounts", grant, body);
		assertThat(ids(shaped.get("accounts"))).containsExactly("acc-2", "acc-1");
		assertThat(shaped.get("page").get("totalElements").asInt()).isEqualTo(9);
		assertThat(names(shaped)).containsExactlyInAnyOrder("page", "accounts");
	}

	@Test
	@DisplayName("FDX §2: the accounts list is empty when the core's answer lists no consented account")
	void accountsListWithoutConsentedAccounts() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.ACCOUNT_BASIC)), Set.of());
		JsonNode shaped = shape("/fdx/v6/accounts", grant, "{\"accounts\": [" + account("acc-9") + "]}");
		assertThat(shaped.get("accounts").isArray()).isTrue();
		assertThat(shaped.get("accounts")).isEmpty();
		assertThat(shape("/fdx/v6/accounts", grant, "{\"page\": {}}").get("accounts")).isEmpty();
	}

	@Test
	@DisplayName("FDX §2 ACCOUNT_BASIC: name, type and masked number; no balances, no full account number")
	void accountBasic() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.ACCOUNT_BASIC)), Set.of());
		for (JsonNode shaped : List.of(shape("/fdx/v6/accounts/acc-1", grant, account("acc-1")),
				shape("/fdx/v6/accounts", grant, "{\"accounts\": [" + account("acc-1") + "]}").get("accounts")
					.get(0))) {
			assertThat(names(shaped)).containsExactlyInAnyOrder("accountId", "accountCategory", "accountType",
					"accountNumberDisplay", "productName", "nickname", "status", "currency");
			assertThat(shaped.get("accountNumberDisplay").asString()).isEqualTo("...7890");
			assertThat(shaped.has("currentBalance")).isFalse();
			assertThat(shaped.has("availableBalance")).isFalse();
			assertThat(shaped.has("accountNumber")).isFalse();
		}
	}

	@Test
	@DisplayName("FDX §2 ACCOUNT_DETAILED: balances and the basic details, still no full account number")
	void accountDetailed() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.ACCOUNT_DETAILED)), Set.of());
		JsonNode shaped = shape("/fdx/v6/accounts/acc-1", grant, account("acc-1"));
		assertThat(shaped.get("currentBalance").decimalValue()).isEqualByComparingTo("1523.42");
		assertThat(shaped.get("availableBalance").decimalValue()).isEqualByComparingTo("1500.00");
		assertThat(shaped.get("balanceAsOf").asString()).isEqualTo("2026-12-01T00:00:00.000Z");
		assertThat(shaped.get("interestYtd").decimalValue()).isEqualByComparingTo("3.21");
		assertThat(shaped.get("accountType").asString()).isEqualTo("CHECKING");
		assertThat(shaped.get("accountNumberDisplay").asString()).isEqualTo("...7890");
		assertThat(shaped.has("accountNumber")).isFalse();
	}

	@ParameterizedTest(name = "FDX §2 {0}: the account number is the partner's token")
	@ValueSource(strings = { "PAYMENT_SUPPORT", "ACCOUNT_PAYMENTS" })
	@DisplayName("FDX §2 PAYMENT_SUPPORT / ACCOUNT_PAYMENTS: the account number is released as the partner's token, and nothing of the other clusters")
	void paymentSupport(String cluster) {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.valueOf(cluster))), Set.of());
		JsonNode shaped = shape("/fdx/v6/accounts/acc-1", grant, account("acc-1"));
		assertThat(shaped.get("accountNumber").asString()).isEqualTo("tok-acc-1");
		assertThat(names(shaped)).containsExactlyInAnyOrder("accountId", "accountCategory", "accountNumber");
	}

	@Test
	@DisplayName("FDX §3 getAccountPaymentNetworks: each network's account number is the partner's token, typed "
			+ "TOKENIZED_ACCOUNT_NUMBER; an identifier of another kind is not shown")
	void paymentNetworksCarryTokens() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.PAYMENT_SUPPORT)), Set.of());
		String body = """
				{"paymentNetworks": [
				  {"bankId": "021000021", "identifier": "1234567890", "identifierType": "ACCOUNT_NUMBER",
				   "type": "US_ACH", "transferIn": true, "transferOut": true},
				  {"bankId": "021000021", "identifier": "X-1", "identifierType": "SOMETHING_ELSE", "type": "US_RTP"}
				]}""";
		JsonNode networks = shape("/fdx/v6/accounts/acc-1/payment-networks", grant, body).get("paymentNetworks");
		assertThat(networks).hasSize(1);
		assertThat(networks.get(0).get("identifier").asString()).isEqualTo("tok-acc-1");
		assertThat(networks.get(0).get("identifierType").asString()).isEqualTo("TOKENIZED_ACCOUNT_NUMBER");
		assertThat(networks.get(0).get("bankId").asString()).isEqualTo("021000021");
		assertThat(networks.toString()).doesNotContain("1234567890");
	}

	@Test
	@DisplayName("FDX §2: accountNumberDisplay shows the last 4 characters only, whatever the clusters")
	void accountNumberDisplayIsAlwaysMasked() {
		Grant grant = grant(Map.of("acc-1", EnumSet.allOf(DataCluster.class)), Set.of());
		String body = account("acc-1").replace("\"accountNumberDisplay\": \"1234567890\"",
				"\"accountNumberDisplay\": \"0000-1111-2222-4321\"");
		JsonNode shaped = shape("/fdx/v6/accounts/acc-1", grant, body);
		assertThat(shaped.get("accountNumberDisplay").asString()).isEqualTo("...4321");
		assertThat(shaped.get("accountNumber").asString()).isEqualTo("tok-acc-1");
		String alreadyMasked = account("acc-1").replace("\"accountNumberDisplay\": \"1234567890\"",
				"\"accountNumberDisplay\": \"...7890\"");
		assertThat(shape("/fdx/v6/accounts/acc-1", grant, alreadyMasked).get("accountNumberDisplay").asString())
			.isEqualTo("...7890");
	}

	@Test
	@DisplayName("FDX §2: fields no cluster unlocks are dropped, even with every cluster granted")
	void unknownFieldsAreDropped() {
		Grant grant = grant(Map.of("acc-1", EnumSet.allOf(DataCluster.class)), EnumSet.allOf(DataCluster.class));
		JsonNode account = shape("/fdx/v6/accounts/acc-1", grant, account("acc-1"));
		assertThat(account.has("routingNumber")).isFalse();
		assertThat(account.has("internalRiskScore")).isFalse();
		assertThat(account.has("customerId")).isFalse();
		JsonNode list = shape("/fdx/v6/accounts", grant,
				"{\"accounts\": [" + account("acc-1") + "], \"debug\": {\"sql\": \"select 1\"}}");
		assertThat(names(list)).containsExactlyInAnyOrder("accounts");
		assertThat(list.get("accounts").get(0).has("internalRiskScore")).isFalse();
	}

	@Test
	@DisplayName("FDX §2 lookback: transactions before the window are dropped; posted time first, else transaction time")
	void transactionsOutsideTheWindowAreDropped() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.TRANSACTIONS)), Set.of());
		String body = """
				{
				  "transactions": [
				    { "transactionId": "in", "postedTimestamp": "2026-10-01T10:00:00Z", "amount": 10 },
				    { "transactionId": "first-instant", "postedTimestamp": "2026-09-02T00:00:00Z", "amount": 10 },
				    { "transactionId": "last-instant-before", "postedTimestamp": "2026-09-01T23:59:59Z", "amount": 10 },
				    { "transactionId": "offset", "postedTimestamp": "2026-09-01T21:00:00-05:00", "amount": 10 },
				    { "transactionId": "date-only", "postedTimestamp": "2026-09-02", "amount": 10 },
				    { "transactionId": "old-date-only", "postedTimestamp": "2026-09-01", "amount": 10 },
				    { "transactionId": "pending", "transactionTimestamp": "2026-11-30T09:00:00Z", "amount": 10 },
				    { "transactionId": "pending-null", "postedTimestamp": null, "transactionTimestamp": "2026-11-30T09:00:00Z" },
				    { "transactionId": "old-pending", "transactionTimestamp": "2026-08-01T09:00:00Z", "amount": 10 },
				    { "transactionId": "posted-wins", "postedTimestamp": "2026-08-30T00:00:00Z", "transactionTimestamp": "2026-09-10T00:00:00Z" },
				    { "transactionId": "no-time", "amount": 10 },
				    { "transactionId": "bad-time", "postedTimestamp": "yesterday", "amount": 10 }
				  ]
				}""";
		JsonNode shaped = shape("/fdx/v6/accounts/acc-1/transactions", grant, body);
		assertThat(transactionIds(shaped)).containsExactly("in", "first-instant", "offset", "date-only", "pending",
				"pending-null");
	}

	@Test
	@DisplayName("FDX §2 IMAGES: a transaction's imageIds are shown only when IMAGES is granted for the account")
	void imageIdsOnlyWithImages() {
		String body = """
				{
				  "transactions": [
				    { "transactionId": "t-1", "postedTimestamp": "2026-10-01T10:00:00Z", "amount": 10,
				      "description": "Check 1042", "checkNumber": 1042, "imageIds": ["img-1"], "internalFlag": true }
				  ]
				}""";
		JsonNode without = shape("/fdx/v6/accounts/acc-1/transactions",
				grant(Map.of("acc-1", EnumSet.of(DataCluster.TRANSACTIONS)), Set.of()), body)
			.get("transactions")
			.get(0);
		assertThat(names(without)).containsExactlyInAnyOrder("transactionId", "postedTimestamp", "amount",
				"description", "checkNumber");
		JsonNode with = shape("/fdx/v6/accounts/acc-1/transactions",
				grant(Map.of("acc-1", EnumSet.of(DataCluster.TRANSACTIONS, DataCluster.IMAGES)), Set.of()), body)
			.get("transactions")
			.get(0);
		assertThat(with.get("imageIds").get(0).asString()).isEqualTo("img-1");
		assertThat(with.has("internalFlag")).isFalse();
	}

	@Test
	@DisplayName("FDX §2 IMAGES: IMAGES granted for another account does not unlock this account's imageIds")
	void imageIdsFollowTheAccountInThePath() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.TRANSACTIONS), "acc-2",
				EnumSet.of(DataCluster.TRANSACTIONS, DataCluster.IMAGES)), Set.of());
		String body = "{\"transactions\": [{\"transactionId\": \"t-1\", \"postedTimestamp\": \"2026-10-01T10:00:00Z\", \"imageIds\": [\"img-1\"]}]}";
		assertThat(shape("/fdx/v6/accounts/acc-1/transactions", grant, body).get("transactions").get(0).has("imageIds"))
			.isFalse();
	}

	@Test
	@DisplayName("FDX §2 CUSTOMER_PERSONAL: date of birth shown, tax id masked to its last 4, accounts cut to the consented ones")
	void customerPersonal() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.ACCOUNT_BASIC)),
				EnumSet.of(DataCluster.CUSTOMER_PERSONAL));
		JsonNode shaped = shape("/fdx/v6/customers/current", grant, customer());
		assertThat(shaped.get("taxId").asString()).isEqualTo("...6789");
		assertThat(shaped.get("dateOfBirth").asString()).isEqualTo("1980-04-12");
		assertThat(shaped.get("name").get("first").asString()).isEqualTo("Ada");
		assertThat(shaped.has("internalSegment")).isFalse();
		assertThat(shaped.get("accounts")).hasSize(1);
		JsonNode account = shaped.get("accounts").get(0);
		assertThat(names(account)).containsExactlyInAnyOrder("accountId", "relationship");
		assertThat(account.get("accountId").asString()).isEqualTo("acc-1");
	}

	@Test
	@DisplayName("FDX §2 CUSTOMER_CONTACT: name and contact details, no date of birth, no tax id")
	void customerContact() {
		Grant grant = grant(
				Map.of("acc-1", EnumSet.of(DataCluster.ACCOUNT_BASIC), "acc-2", EnumSet.of(DataCluster.TRANSACTIONS)),
				EnumSet.of(DataCluster.CUSTOMER_CONTACT));
		JsonNode shaped = shape("/fdx/v6/customers/current", grant, customer());
		assertThat(names(shaped)).containsExactlyInAnyOrder("customerId", "name", "email", "addresses", "telephones",
				"accounts");
		assertThat(ids(shaped.get("accounts"))).containsExactly("acc-1", "acc-2");
	}

	@Test
	@DisplayName("FDX §2: an account's contact shows the contact data of a contact cluster granted on the customer")
	void accountContact() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.ACCOUNT_BASIC)),
				EnumSet.of(DataCluster.CUSTOMER_CONTACT));
		String body = """
				{
				  "holders": [ { "name": { "first": "Ada", "last": "Lovelace" }, "relationship": "PRIMARY" } ],
				  "emails": [ "ada@example.com" ],
				  "addresses": [ { "line1": "1 Main St", "city": "Springfield" } ],
				  "telephones": [ { "type": "CELL", "number": "5550100" } ],
				  "taxId": "123-45-6789"
				}""";
		JsonNode shaped = shape("/fdx/v6/accounts/acc-1/contact", grant, body);
		assertThat(names(shaped)).containsExactlyInAnyOrder("holders", "emails", "addresses", "telephones");
	}

	@Test
	@DisplayName("FDX §2: statements and payment networks keep only their own fields")
	void statementsAndPaymentNetworks() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.STATEMENTS, DataCluster.PAYMENT_SUPPORT)), Set.of());
		JsonNode statements = shape("/fdx/v6/accounts/acc-1/statements", grant,
				"{\"statements\": [{\"statementId\": \"st-1\", \"statementDate\": \"2026-11-30\", \"accountId\": \"acc-1\", \"storagePath\": \"/srv/pdf/st-1\"}]}");
		assertThat(names(statements.get("statements").get(0))).containsExactlyInAnyOrder("statementId", "statementDate",
				"accountId");
		JsonNode networks = shape("/fdx/v6/accounts/acc-1/payment-networks", grant,
				"{\"paymentNetworks\": [{\"bankId\": \"021000021\", \"identifier\": \"1234567890\", \"identifierType\": \"ACCOUNT_NUMBER\", \"type\": \"US_ACH\", \"transferIn\": true, \"transferOut\": true, \"ledgerCode\": \"X1\"}]}");
		assertThat(names(networks.get("paymentNetworks").get(0))).containsExactlyInAnyOrder("bankId", "identifier",
				"identifierType", "type", "transferIn", "transferOut");
	}

	@Test
	@DisplayName("FDX §3.4: links to the core's base are rewritten to the gateway's public base, at any depth")
	void linksAreRewritten() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.TRANSACTIONS)), Set.of());
		String body = """
				{
				  "page": { "nextOffset": "2" },
				  "links": {
				    "next": { "href": "http://core.internal:8081/fdx/v6/accounts/acc-1/transactions?offset=2&limit=2" },
				    "prev": { "href": "/fdx/v6/accounts/acc-1/transactions?offset=0&limit=2" },
				    "self": { "href": "https://cdn.example.net/x" }
				  },
				  "transactions": [
				    { "transactionId": "t-1", "postedTimestamp": "2026-10-01T10:00:00Z",
				      "links": [ { "rel": "image", "href": "http://core.internal:8081/fdx/v6/accounts/acc-1/images/1" } ] }
				  ]
				}""";
		JsonNode shaped = shape("/fdx/v6/accounts/acc-1/transactions", grant, body);
		JsonNode links = shaped.get("links");
		assertThat(links.get("next").get("href").asString())
			.isEqualTo("https://api.bank.example/fdx/v6/accounts/acc-1/transactions?offset=2&limit=2");
		assertThat(links.get("prev").get("href").asString())
			.isEqualTo("/fdx/v6/accounts/acc-1/transactions?offset=0&limit=2");
		assertThat(links.get("self").get("href").asString()).isEqualTo("https://cdn.example.net/x");
		assertThat(shaped.get("transactions").get(0).get("links").get(0).get("href").asString())
			.isEqualTo("https://api.bank.example/fdx/v6/accounts/acc-1/images/1");
	}

	@Test
	@DisplayName("FDX §3.4: a link to another host that merely starts with the core's base is not rewritten")
	void linkRewritingStopsAtTheBase() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.ACCOUNT_BASIC)), Set.of());
		String body = "{\"links\": {\"next\": {\"href\": \"http://core.internal:8081.attacker.example/x\"}}, \"accounts\": []}";
		assertThat(shape("/fdx/v6/accounts", grant, body).get("links").get("next").get("href").asString())
			.isEqualTo("http://core.internal:8081.attacker.example/x");
	}

	@ParameterizedTest(name = "FDX §2: a body of {0} gives an empty object")
	@ValueSource(strings = { "[]", "[{\"accountId\": \"acc-1\"}]", "\"acc-1\"", "42", "true", "null" })
	@DisplayName("FDX §2: a body that is not a JSON object gives an empty object")
	void nonObjectBodies(String body) {
		Grant grant = grant(Map.of("acc-1", EnumSet.allOf(DataCluster.class)), EnumSet.allOf(DataCluster.class));
		for (String path : List.of("/fdx/v6/accounts", "/fdx/v6/accounts/acc-1", "/fdx/v6/customers/current")) {
			assertThat(raw(path, grant, body)).isEqualTo("{}");
		}
	}

	@Test
	@DisplayName("FDX §2: an empty body gives an empty object")
	void emptyBody() {
		Grant grant = grant(Map.of("acc-1", EnumSet.of(DataCluster.ACCOUNT_BASIC)), Set.of());
		assertThat(raw("/fdx/v6/accounts/acc-1", grant, "")).isEqualTo("{}");
	}

	private JsonNode shape(String path, Grant grant, String body) {
		return JSON.readTree(raw(path, grant, body));
	}

	private String raw(String path, Grant grant, String body) {
		FdxEndpoint.Match match = FdxEndpoint.match(PathContainer.parsePath(path)).orElseThrow();
		byte[] shaped = this.shaper.shape(match, grant, body.getBytes(StandardCharsets.UTF_8), WINDOW_START, UPSTREAM,
				PUBLIC);
		return new String(shaped, StandardCharsets.UTF_8);
	}

	private static Grant grant(Map<String, Set<DataCluster>> accounts, Set<DataCluster> customerClusters) {
		return new Grant("consent-1", "partner-1", "customer-1", accounts, customerClusters, 90,
				NOW.plus(Duration.ofDays(30)), null);
	}

	private static String account(String accountId) {
		return ACCOUNT.formatted(accountId);
	}

	private static String customer() {
		return """
				{
				  "customerId": "customer-1",
				  "name": { "first": "Ada", "last": "Lovelace" },
				  "email": [ "ada@example.com" ],
				  "addresses": [ { "line1": "1 Main St", "city": "Springfield" } ],
				  "telephones": [ { "type": "CELL", "number": "5550100" } ],
				  "dateOfBirth": "1980-04-12",
				  "taxId": "123-45-6789",
				  "internalSegment": "PRIVATE_BANKING",
				  "accounts": [
				    { "accountId": "acc-1", "relationship": "PRIMARY", "balance": 1523.42 },
				    { "accountId": "acc-9", "relationship": "PRIMARY" },
				    { "relationship": "JOINT" },
				    { "accountId": "acc-2", "relationship": "JOINT" }
				  ]
				}""";
	}

	private static List<String> names(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	private static List<String> ids(JsonNode array) {
		List<String> ids = new ArrayList<>();
		array.forEach((item) -> ids.add(item.get("accountId").asString()));
		return ids;
	}

	private static List<String> transactionIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("transactions").forEach((item) -> ids.add(item.get("transactionId").asString()));
		return ids;
	}

}
