package com.consentry.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.consentry.audit.Correlation;
import com.consentry.consent.DataCluster;
import com.consentry.gateway.access.PartnerCall;
import com.consentry.gateway.access.PartnerCalls;
import com.consentry.gateway.fdx.FdxEndpoint;
import com.consentry.gateway.fdx.FdxErrors;
import com.consentry.gateway.fdx.FdxRefusal;
import com.consentry.gateway.fdx.InteractionIds;
import com.consentry.gateway.grant.Grant;
import com.consentry.gateway.grant.Grants;
import com.consentry.gateway.observability.AccessRecord;
import com.consentry.gateway.observability.AccessRecords;
import com.consentry.gateway.ratelimit.PartnerRateLimits;
import com.consentry.gateway.shaping.HistoryWindow;
import com.consentry.gateway.shaping.ResponseShaper;
import com.consentry.gateway.upstream.CoreBanking;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Every FDX account request passes here before the core is called, in this order (FAPI
 * 2.0 SP §5.3.4, FDX): token and proof ({@link PartnerCalls}), the live state of token,
 * consent and partner ({@link Grants}), the account among the consent's (else 404
 * {@code 701}, so nothing tells whether it exists), a data cluster the endpoint needs
 * (else 403 {@code 403}), the rate limits; then the core is asked exactly for what may be
 * shown (the consented accounts, the lookback window, the customer of the consent), and
 * the answer is cut to the granted fields ({@link ResponseShaper}). A request that fails
 * a check never reaches the core.
 */
@Component
class FdxAccess implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	static final String CUSTOMER_HEADER = "x-consentry-customer-id";

	private static final Logger logger = LoggerFactory.getLogger(FdxAccess.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Statements asked per page when checking a document against the lookback. */
	private static final int STATEMENT_PAGE_SIZE = 100;

	/**
	 * More pages of statements than any lookback holds (monthly, at most a few years).
	 */
	private static final int MAX_STATEMENT_PAGES = 10;

	private final PartnerCalls calls;

	private final Grants grants;

	private final PartnerRateLimits rateLimits;

	private final CoreBanking core;

	private final ResponseShaper shaper;

	private final AccessRecords records;

	private final Clock clock;

	private final URI coreBankingUrl;

	private final String publicBase;

	FdxAccess(PartnerCalls calls, Grants grants, PartnerRateLimits rateLimits, CoreBanking core, ResponseShaper shaper,
			AccessRecords records, Clock clock, GatewayProperties properties) {
		this.calls = calls;
		this.grants = grants;
		this.rateLimits = rateLimits;
		this.core = core;
		this.shaper = shaper;
		this.records = records;
		this.clock = clock;
		this.coreBankingUrl = properties.coreBankingUrl();
		this.publicBase = trimSlash(properties.publicBaseUrl().toString());
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> proxy) {
		Instant at = this.clock.instant();
		long started = System.nanoTime();
		Visit visit = new Visit();
		ServerResponse response;
		try {
			response = serve(request, proxy, visit);
			visit.outcome = "allowed";
		}
		catch (FdxRefusal refusal) {
			// RFC 9449 §9: a partner told to authenticate again learns the current nonce
			response = (refusal.status() == HttpStatus.UNAUTHORIZED)
					? FdxErrors.response(refusal, Map.of("DPoP-Nonce", this.calls.currentNonce()))
					: FdxErrors.response(refusal);
			visit.outcome = refusal.reason();
		}
		catch (RuntimeException ex) {
			// nothing unforeseen reaches the partner but an FDX 500 (and the record of
			// it)
			logger.error("FDX request failed", ex);
			FdxRefusal failure = FdxRefusal.internalError();
			response = FdxErrors.response(failure);
			visit.outcome = failure.reason();
		}
		this.records.record(new AccessRecord(at, InteractionIds.of(request.servletRequest()),
				(visit.match != null) ? visit.match.endpoint().name() : "unknown", visit.clientId, visit.customer,
				visit.consentId, (visit.match != null) ? visit.match.accountId() : null, visit.clusters,
				response.statusCode().value(), visit.outcome, Duration.ofNanos(System.nanoTime() - started),
				visit.keyThumbprint));
		return response;
	}

	private ServerResponse serve(ServerRequest request, HandlerFunction<ServerResponse> proxy, Visit visit) {
		FdxEndpoint.Match match = FdxEndpoint.match(request.requestPath().pathWithinApplication())
			.orElseThrow(FdxRefusal::noSuchEndpoint);
		visit.match = match;
		if (!HttpMethod.GET.equals(request.method())) {
			throw FdxRefusal.methodNotAllowed();
		}
		PartnerCall call = this.calls.authenticate(request.servletRequest());
		visit.clientId = call.token().clientId();
		visit.consentId = call.token().consentId();
		visit.keyThumbprint = call.token().boundKey();
		Grant grant = this.grants.current(call.token());
		visit.customer = this.records.pseudonym(grant.customerId());
		String accountId = match.accountId();
		// object level first: an account outside the consent is "not found", whatever
		// else
		if (accountId != null && !grant.covers(accountId)) {
			throw FdxRefusal.accountNotFound();
		}
		Set<DataCluster> granted = granted(match.endpoint(), grant, accountId);
		Set<DataCluster> required = match.endpoint().requires();
		if (!required.isEmpty() && required.stream().noneMatch(granted::contains)) {
			throw FdxRefusal.clusterNotGranted(required.iterator().next().name());
		}
		visit.clusters = granted.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
		this.rateLimits.take(grant);
		Map<String, String> parameters = parameters(request, match.endpoint());
		HistoryWindow window = HistoryWindow.of(parameters, grant.lookbackDays(), this.clock.instant());
		if (match.endpoint() == FdxEndpoint.TRANSACTIONS || match.endpoint() == FdxEndpoint.STATEMENTS) {
			if (window.isEmpty()) {
				return emptyPage(match.endpoint());
			}
			parameters.keySet().removeAll(Set.of("startTime", "endTime", "startDate", "endDate"));
			parameters.put("startTime", String.valueOf(window.start()));
			parameters.put("endTime", window.end().toString());
		}
		if (match.endpoint() == FdxEndpoint.ACCOUNTS) {
			parameters.put("accountIds", consentedAccounts(parameters.get("accountIds"), grant));
			if (parameters.get("accountIds").isEmpty()) {
				return emptyPage(match.endpoint());
			}
		}
		if (match.endpoint() == FdxEndpoint.STATEMENT) {
			requireStatementInWindow(request, proxy, match, grant);
		}
		ServerRequest upstream = upstreamRequest(request, match, grant, parameters, null);
		if (!match.endpoint().answersJson()) {
			CoreBanking.Streamed streamed = this.core.stream(upstream, proxy);
			if (streamed.refused() != null) {
				throw coreRefusal(streamed.refused(), match);
			}
			return java.util.Objects.requireNonNull(streamed.response());
		}
		CoreBanking.Answer answer = this.core.call(upstream, proxy);
		if (answer.status() >= 400) {
			throw coreRefusal(answer, match);
		}
		byte[] body = this.shaper.shape(match, grant, answer.body(), window.windowStart(),
				trimSlash(this.coreBankingUrl.toString()), this.publicBase);
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * A statement document is history like the statements list: it is passed on only when
	 * the core lists it within the consent's lookback, so an old statement's id is no way
	 * around the window. Outside it the answer is 404 {@code 1104}, as for a statement
	 * that does not exist.
	 */
	private void requireStatementInWindow(ServerRequest request, HandlerFunction<ServerResponse> proxy,
			FdxEndpoint.Match match, Grant grant) {
		HistoryWindow window = HistoryWindow.whole(grant.lookbackDays(), this.clock.instant());
		FdxEndpoint.Match list = new FdxEndpoint.Match(FdxEndpoint.STATEMENTS,
				Map.of("accountId", java.util.Objects.requireNonNull(match.accountId())));
		String wanted = match.variables().get("statementId");
		String offset = null;
		for (int page = 0; page < MAX_STATEMENT_PAGES; page++) {
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("startTime", String.valueOf(window.start()));
			parameters.put("endTime", window.end().toString());
			parameters.put("limit", String.valueOf(STATEMENT_PAGE_SIZE));
			if (offset != null) {
				parameters.put("offset", offset);
			}
			CoreBanking.Answer answer = this.core
				.call(upstreamRequest(request, list, grant, parameters, MediaType.APPLICATION_JSON), proxy);
			if (answer.status() >= 400) {
				throw coreRefusal(answer, list);
			}
			JsonNode body = JSON.readTree(answer.body());
			for (JsonNode statement : body.path("statements")) {
				if (statement.path("statementId").asString("").equals(wanted)) {
					return;
				}
			}
			JsonNode next = body.path("page").path("nextOffset");
			if (!next.isString() || next.asString().isEmpty()) {
				break;
			}
			offset = next.asString();
		}
		// not listed, or the list runs past what any lookback holds: fail closed
		throw FdxRefusal.statementNotFound();
	}

	private static Set<DataCluster> granted(FdxEndpoint endpoint, Grant grant, @Nullable String accountId) {
		if (endpoint == FdxEndpoint.CUSTOMER) {
			return grant.customerClusters();
		}
		Set<DataCluster> granted = EnumSet.noneOf(DataCluster.class);
		if (accountId != null) {
			granted.addAll(grant.clustersOf(accountId));
		}
		else {
			grant.accounts().values().forEach(granted::addAll);
		}
		if (endpoint == FdxEndpoint.CONTACT) {
			granted.addAll(grant.customerClusters());
		}
		return granted;
	}

	private static Map<String, String> parameters(ServerRequest request, FdxEndpoint endpoint) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String name : endpoint.parameters()) {
			var values = request.params().get(name);
			if (values != null && !values.isEmpty()) {
				if (values.size() > 1) {
					throw FdxRefusal.invalidInput("Parameter " + name + " is repeated");
				}
				parameters.put(name, values.get(0));
			}
		}
		return parameters;
	}

	private static String consentedAccounts(@Nullable String asked, Grant grant) {
		if (asked == null || asked.isBlank()) {
			return String.join(",", grant.accounts().keySet());
		}
		return java.util.Arrays.stream(asked.split(","))
			.map(String::trim)
			.filter(grant::covers)
			.distinct()
			.collect(Collectors.joining(","));
	}

	private ServerRequest upstreamRequest(ServerRequest request, FdxEndpoint.Match match, Grant grant,
			Map<String, String> parameters, @Nullable MediaType accept) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		parameters.forEach(query::add);
		ServerRequest upstream = ServerRequest.from(request)
			.uri(URI.create(this.publicBase + match.upstreamPath()))
			.params((params) -> {
				params.clear();
				params.addAll(query);
			})
			.headers((headers) -> {
				// the core needs no credential of the partner's: it trusts the gateway
				headers.remove(HttpHeaders.AUTHORIZATION);
				headers.remove("DPoP");
				headers.remove(HttpHeaders.COOKIE);
				if (accept != null) {
					headers.setAccept(java.util.List.of(accept));
				}
				headers.set(CUSTOMER_HEADER, grant.customerId());
				headers.set(InteractionIds.HEADER, InteractionIds.of(request.servletRequest()));
				// the request's trace goes on to the core (W3C Trace Context), with a new
				// parent
				headers.set(Correlation.HEADER, Correlation.traceparent(Correlation.currentTraceId()));
			})
			.build();
		MvcUtils.setRequestUrl(upstream, this.coreBankingUrl);
		return upstream;
	}

	private static FdxRefusal coreRefusal(CoreBanking.Answer answer, FdxEndpoint.Match match) {
		String body = new String(answer.body(), StandardCharsets.UTF_8);
		if (answer.status() == 404) {
			if (body.contains("\"1104\"")) {
				return FdxRefusal.statementNotFound();
			}
			return (match.accountId() != null) ? FdxRefusal.accountNotFound() : FdxRefusal.noSuchEndpoint();
		}
		if (answer.status() == 406) {
			return FdxRefusal.notAcceptable();
		}
		if (answer.status() == 400) {
			if (body.contains("\"702\"")) {
				return FdxRefusal.invalidDates("702", "Dates must be YYYY-MM-DD");
			}
			if (body.contains("\"703\"")) {
				return FdxRefusal.invalidDates("703", "Invalid date range");
			}
			return FdxRefusal.invalidInput("Invalid input");
		}
		return FdxRefusal.upstreamFailure("core_banking_refused");
	}

	private static ServerResponse emptyPage(FdxEndpoint endpoint) {
		String list = switch (endpoint) {
			case ACCOUNTS -> "accounts";
			case TRANSACTIONS -> "transactions";
			default -> "statements";
		};
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("page", Map.of("totalElements", 0), list, java.util.List.of()));
	}

	private static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** What is known of a request as it passes the checks. */
	private static final class Visit {

		FdxEndpoint.@Nullable Match match;

		@Nullable String clientId;

		@Nullable String customer;

		@Nullable String consentId;

		@Nullable String keyThumbprint;

		Set<String> clusters = Set.of();

		String outcome = "error";

	}

}
