package com.consentry.gateway.fdx;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.consentry.consent.DataCluster;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The FDX v6 account APIs the gateway serves (FDX §3), each with the data clusters one of
 * which the consent must grant for the account (or the customer) it reads, and the query
 * parameters passed on to the core (any other is dropped).
 */
public enum FdxEndpoint {

	/**
	 * {@code searchForAccounts}: the consented accounts; fields per account's clusters.
	 */
	ACCOUNTS("/fdx/v6/accounts", EnumSet.noneOf(DataCluster.class),
			List.of("accountIds", "resultType", "offset", "pageKey", "limit")),

	/** {@code getAccount}: the account with details per cluster. */
	ACCOUNT("/fdx/v6/accounts/{accountId}", EnumSet.of(DataCluster.ACCOUNT_BASIC, DataCluster.ACCOUNT_DETAILED),
			List.of()),

	/** {@code searchForAccountTransactions}. */
	TRANSACTIONS("/fdx/v6/accounts/{accountId}/transactions", EnumSet.of(DataCluster.TRANSACTIONS),
			List.of("startTime", "endTime", "startDate", "endDate", "offset", "pageKey", "limit")),

	/** {@code searchForAccountStatements}. */
	STATEMENTS("/fdx/v6/accounts/{accountId}/statements", EnumSet.of(DataCluster.STATEMENTS),
			List.of("startTime", "endTime", "startDate", "endDate", "offset", "pageKey", "limit")),

	/** {@code getAccountStatement}: the document itself (PDF), passed through. */
	STATEMENT("/fdx/v6/accounts/{accountId}/statements/{statementId}", EnumSet.of(DataCluster.STATEMENTS), List.of()),

	/** {@code getAccountPaymentNetworks}: full account and routing numbers. */
	PAYMENT_NETWORKS("/fdx/v6/accounts/{accountId}/payment-networks",
			EnumSet.of(DataCluster.PAYMENT_SUPPORT, DataCluster.ACCOUNT_PAYMENTS),
			List.of("offset", "pageKey", "limit")),

	/** {@code getAccountContact}. */
	CONTACT("/fdx/v6/accounts/{accountId}/contact",
			EnumSet.of(DataCluster.CUSTOMER_CONTACT, DataCluster.CUSTOMER_PERSONAL), List.of()),

	/** {@code getCustomerInfo}: the consenting customer. */
	CUSTOMER("/fdx/v6/customers/current", EnumSet.of(DataCluster.CUSTOMER_CONTACT, DataCluster.CUSTOMER_PERSONAL),
			List.of());

	private final String template;

	private final PathPattern pattern;

	private final Set<DataCluster> requires;

	private final List<String> parameters;

	FdxEndpoint(String template, Set<DataCluster> requires, List<String> parameters) {
		this.template = template;
		this.pattern = PathPatternParser.defaultInstance.parse(template);
		this.requires = Set.copyOf(requires);
		this.parameters = parameters;
	}

	/**
	 * The endpoint a request path names, with its decoded path variables, matched as
	 * Spring's own request matching does.
	 */
	public static Optional<Match> match(PathContainer path) {
		for (FdxEndpoint endpoint : values()) {
			PathPattern.PathMatchInfo info = endpoint.pattern.matchAndExtract(path);
			if (info != null) {
				return Optional.of(new Match(endpoint, info.getUriVariables()));
			}
		}
		return Optional.empty();
	}

	/** Clusters one of which must be granted; empty when each account decides. */
	public Set<DataCluster> requires() {
		return this.requires;
	}

	/** Query parameters passed on to the core. */
	public List<String> parameters() {
		return this.parameters;
	}

	/** Whether the endpoint reads one account (named in the path). */
	public boolean readsAnAccount() {
		return this.template.contains("{accountId}");
	}

	/** Whether its answer is an FDX JSON body the gateway shapes. */
	public boolean answersJson() {
		return this != STATEMENT;
	}

	/**
	 * A request path matched to an endpoint.
	 *
	 * @param endpoint the endpoint
	 * @param variables its decoded path variables
	 */
	public record Match(FdxEndpoint endpoint, Map<String, String> variables) {

		public @Nullable String accountId() {
			return this.variables.get("accountId");
		}

		/** The path the core is asked for: the template with the checked variables. */
		public String upstreamPath() {
			return this.endpoint.pattern.getPatternString()
				.replace("{accountId}", encode(this.variables.get("accountId")))
				.replace("{statementId}", encode(this.variables.get("statementId")));
		}

		private static String encode(@Nullable String value) {
			return (value != null) ? org.springframework.web.util.UriUtils.encodePathSegment(value,
					java.nio.charset.StandardCharsets.UTF_8) : "";
		}

	}

}
