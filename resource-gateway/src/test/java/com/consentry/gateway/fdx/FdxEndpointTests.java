package com.consentry.gateway.fdx;

import java.util.Map;
import java.util.stream.Stream;

import com.consentry.consent.DataCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which FDX v6 endpoint a request path names (FDX §3), with its path variables decoded as
 * Spring's request matching decodes them, and the path the core is then asked for.
 */
class FdxEndpointTests {

	static Stream<Arguments> endpoints() {
		return Stream.of(Arguments.of("/fdx/v6/accounts", FdxEndpoint.ACCOUNTS, Map.of()),
				Arguments.of("/fdx/v6/accounts/acc-1", FdxEndpoint.ACCOUNT, Map.of("accountId", "acc-1")),
				Arguments.of("/fdx/v6/accounts/acc-1/transactions", FdxEndpoint.TRANSACTIONS,
						Map.of("accountId", "acc-1")),
				Arguments.of("/fdx/v6/accounts/acc-1/statements", FdxEndpoint.STATEMENTS, Map.of("accountId", "acc-1")),
				Arguments.of("/fdx/v6/accounts/acc-1/statements/st-9", FdxEndpoint.STATEMENT,
						Map.of("accountId", "acc-1", "statementId", "st-9")),
				Arguments.of("/fdx/v6/accounts/acc-1/payment-networks", FdxEndpoint.PAYMENT_NETWORKS,
						Map.of("accountId", "acc-1")),
				Arguments.of("/fdx/v6/accounts/acc-1/contact", FdxEndpoint.CONTACT, Map.of("accountId", "acc-1")),
				Arguments.of("/fdx/v6/customers/current", FdxEndpoint.CUSTOMER, Map.of()));
	}

	@ParameterizedTest(name = "FDX §3: {0} is {1}")
	@MethodSource("endpoints")
	@DisplayName("FDX §3: each account API path names its endpoint and its variables")
	void matchesEveryEndpoint(String path, FdxEndpoint endpoint, Map<String, String> variables) {
		FdxEndpoint.Match match = match(path);
		assertThat(match.endpoint()).isEqualTo(endpoint);
		assertThat(match.variables()).isEqualTo(variables);
		assertThat(match.accountId()).isEqualTo(variables.get("accountId"));
		assertThat(endpoint.readsAnAccount()).isEqualTo(variables.containsKey("accountId"));
	}

	@Test
	@DisplayName("FDX §3: every endpoint has a path that names it")
	void everyEndpointIsCovered() {
		assertThat(endpoints().map((arguments) -> arguments.get()[1]))
			.containsExactlyInAnyOrder((Object[]) FdxEndpoint.values());
	}

	@Test
	@DisplayName("RFC 3986 §2.1: path variables are percent-decoded (acc%2Dx is acc-x)")
	void decodesVariables() {
		assertThat(match("/fdx/v6/accounts/acc%2Dx/transactions").accountId()).isEqualTo("acc-x");
		assertThat(match("/fdx/v6/accounts/acc%20x").accountId()).isEqualTo("acc x");
		assertThat(match("/fdx/v6/accounts/acc%2Fx/statements/st%2D1").variables())
			.isEqualTo(Map.of("accountId", "acc/x", "statementId", "st-1"));
	}

	@Test
	@DisplayName("RFC 3986 §3.3: matrix parameters are not part of a path variable, as in Spring's own matching")
	void ignoresMatrixParameters() {
		assertThat(match("/fdx/v6/accounts/acc-1;other=acc-2/transactions").accountId()).isEqualTo("acc-1");
	}

	@ParameterizedTest(name = "FDX §3: {0} names no endpoint")
	@ValueSource(strings = { "/", "/fdx/v6", "/fdx/v6/accounts/", "/fdx/v6/accounts/acc-1/",
			"/fdx/v6/accounts//transactions", "/fdx/v6/accounts/acc-1/transactions/tx-1",
			"/fdx/v6/accounts/acc-1/statements/st-1/pdf", "/fdx/v6/accounts/acc-1/contact/extra",
			"/fdx/v6/accounts/acc-1/balances", "/fdx/v6/customers", "/fdx/v6/customers/cust-1",
			"/fdx/v6/customers/current/accounts", "/fdx/v5/accounts", "/fdx/v6/Accounts", "/FDX/v6/accounts",
			"/api/fdx/v6/accounts", "/fdx/v6/accounts/acc-1/payment-networks/1" })
	@DisplayName("FDX §3: extra segments and other paths match no endpoint")
	void matchesNothingElse(String path) {
		assertThat(FdxEndpoint.match(PathContainer.parsePath(path))).isEmpty();
	}

	@Test
	@DisplayName("FDX §3: the core is asked for the endpoint's own path")
	void upstreamPathOfPlainEndpoints() {
		assertThat(match("/fdx/v6/accounts").upstreamPath()).isEqualTo("/fdx/v6/accounts");
		assertThat(match("/fdx/v6/customers/current").upstreamPath()).isEqualTo("/fdx/v6/customers/current");
		assertThat(match("/fdx/v6/accounts/acc-1/payment-networks").upstreamPath())
			.isEqualTo("/fdx/v6/accounts/acc-1/payment-networks");
	}

	@Test
	@DisplayName("RFC 3986 §3.3: the upstream path re-encodes the decoded variables, each staying one segment")
	void upstreamPathReencodesVariables() {
		assertThat(match("/fdx/v6/accounts/acc%2Dx/transactions").upstreamPath())
			.isEqualTo("/fdx/v6/accounts/acc-x/transactions");
		assertThat(match("/fdx/v6/accounts/acc%2Fx").upstreamPath()).isEqualTo("/fdx/v6/accounts/acc%2Fx");
		assertThat(match("/fdx/v6/accounts/acc%20x/contact").upstreamPath())
			.isEqualTo("/fdx/v6/accounts/acc%20x/contact");
		assertThat(match("/fdx/v6/accounts/acc%3Fx%23y/statements/st%2F1").upstreamPath())
			.isEqualTo("/fdx/v6/accounts/acc%3Fx%23y/statements/st%2F1");
		assertThat(match("/fdx/v6/accounts/%C3%A9t%C3%A9").upstreamPath()).isEqualTo("/fdx/v6/accounts/%C3%A9t%C3%A9");
	}

	@Test
	@DisplayName("FDX §3: each endpoint requires the clusters that unlock its data; the accounts list leaves it to each account")
	void requiredClusters() {
		assertThat(FdxEndpoint.ACCOUNTS.requires()).isEmpty();
		assertThat(FdxEndpoint.ACCOUNT.requires()).containsExactlyInAnyOrder(DataCluster.ACCOUNT_BASIC,
				DataCluster.ACCOUNT_DETAILED);
		assertThat(FdxEndpoint.TRANSACTIONS.requires()).containsExactly(DataCluster.TRANSACTIONS);
		assertThat(FdxEndpoint.STATEMENTS.requires()).containsExactly(DataCluster.STATEMENTS);
		assertThat(FdxEndpoint.STATEMENT.requires()).containsExactly(DataCluster.STATEMENTS);
		assertThat(FdxEndpoint.PAYMENT_NETWORKS.requires()).containsExactlyInAnyOrder(DataCluster.PAYMENT_SUPPORT,
				DataCluster.ACCOUNT_PAYMENTS);
		assertThat(FdxEndpoint.CUSTOMER.requires()).containsExactlyInAnyOrder(DataCluster.CUSTOMER_CONTACT,
				DataCluster.CUSTOMER_PERSONAL);
		assertThat(FdxEndpoint.STATEMENT.answersJson()).isFalse();
		assertThat(FdxEndpoint.STATEMENTS.answersJson()).isTrue();
	}

	private static FdxEndpoint.Match match(String path) {
		return FdxEndpoint.match(PathContainer.parsePath(path)).orElseThrow();
	}

}
