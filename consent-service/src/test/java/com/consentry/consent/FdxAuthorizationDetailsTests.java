package com.consentry.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests for {@link FdxAuthorizationDetails}.
 */
class FdxAuthorizationDetailsTests {

	/**
	 * The valid example of the public contract: the authorization request partners are
	 * shown.
	 */
	static final String DESIGN_EXAMPLE = """
			[{"type":"fdx_v1.0","consentRequest":{"durationType":"TIME_BOUND","durationPeriod":30,
			"lookbackPeriod":90,"resources":[{"resourceType":"ACCOUNT","dataClusters":["ACCOUNT_DETAILED","TRANSACTIONS"]}]}}]""";

	private static final String ACCOUNT_RESOURCE = "{'resourceType':'ACCOUNT','dataClusters':['TRANSACTIONS']}";

	private final ConsentLimits limits = new ConsentLimits(365, 730, 90, 60);

	private final FdxAuthorizationDetails details = new FdxAuthorizationDetails(this.limits);

	@Test
	@DisplayName("FDX §1.4: the contract example parses into the consent request it describes")
	void parseWhenDesignExampleThenConsentRequest() {
		ConsentRequest request = this.details.parse(DESIGN_EXAMPLE);
		assertThat(request).isEqualTo(TestConsents.accountRequest());
		assertThat(request.durationType()).isEqualTo(DurationType.TIME_BOUND);
		assertThat(request.durationPeriod()).isEqualTo(30);
		assertThat(request.lookbackPeriod()).isEqualTo(90);
		assertThat(request.resources()).containsExactly(new RequestedResource(ResourceType.ACCOUNT,
				EnumSet.of(DataCluster.ACCOUNT_DETAILED, DataCluster.TRANSACTIONS)));
	}

	@Test
	@DisplayName("FDX §1.4: the spec example with a CUSTOMER resource parses, clusters kept per resource type")
	void parseWhenCustomerResourceThenClustersPerResourceType() {
		ConsentRequest request = this.details.parse(
				json("""
						[{'type':'fdx_v1.0','consentRequest':{'durationType':'TIME_BOUND','durationPeriod':365,'lookbackPeriod':60,
						'resources':[{'resourceType':'ACCOUNT','dataClusters':['ACCOUNT_DETAILED','TRANSACTIONS','STATEMENTS']},
						{'resourceType':'CUSTOMER','dataClusters':['CUSTOMER_CONTACT']}]}}]"""));
		assertThat(request).isEqualTo(TestConsents.accountAndCustomerRequest());
		assertThat(request.clustersFor(ResourceType.CUSTOMER)).containsExactly(DataCluster.CUSTOMER_CONTACT);
		assertThat(request.clustersFor(ResourceType.ACCOUNT)).containsExactlyInAnyOrder(DataCluster.ACCOUNT_DETAILED,
				DataCluster.TRANSACTIONS, DataCluster.STATEMENTS);
	}

	@Test
	@DisplayName("FDX §1.4: a request for CUSTOMER data only is accepted")
	void parseWhenOnlyCustomerResourceThenAccepted() {
		ConsentRequest request = this.details.parse(consentRequest(
				"'durationType':'ONE_TIME','resources':[{'resourceType':'CUSTOMER','dataClusters':['CUSTOMER_PERSONAL']}]"));
		assertThat(request.resources())
			.containsExactly(new RequestedResource(ResourceType.CUSTOMER, EnumSet.of(DataCluster.CUSTOMER_PERSONAL)));
		assertThat(request.clustersFor(ResourceType.ACCOUNT)).isEmpty();
	}

	@Test
	@DisplayName("FDX §1.4: lookbackPeriod defaults to the bank's configured default, not a constant")
	void parseWhenLookbackPeriodAbsentThenDefaultFromLimits() {
		FdxAuthorizationDetails withDefault45 = new FdxAuthorizationDetails(new ConsentLimits(365, 730, 45, 60));
		ConsentRequest request = withDefault45.parse(consentRequest(
				"'durationType':'TIME_BOUND','durationPeriod':30,'resources':[" + ACCOUNT_RESOURCE + "]"));
		assertThat(request.lookbackPeriod()).isEqualTo(45);
	}

	@Test
	@DisplayName("FDX §1.4: ONE_TIME and PERSISTENT need no durationPeriod and get none")
	void parseWhenNotTimeBoundThenNoDurationPeriod() {
		for (DurationType type : List.of(DurationType.ONE_TIME, DurationType.PERSISTENT)) {
			ConsentRequest request = this.details
				.parse(consentRequest("'durationType':'" + type + "','resources':[" + ACCOUNT_RESOURCE + "]"));
			assertThat(request.durationType()).isEqualTo(type);
			assertThat(request.durationPeriod()).isNull();
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 365 })
	@DisplayName("CFPB 1033: durationPeriod from 1 up to the one-year limit is accepted")
	void parseWhenDurationPeriodAtLimitsThenAccepted(int days) {
		ConsentRequest request = this.details.parse(consentRequest(
				"'durationType':'TIME_BOUND','durationPeriod':" + days + ",'resources':[" + ACCOUNT_RESOURCE + "]"));
		assertThat(request.durationPeriod()).isEqualTo(days);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 730 })
	@DisplayName("FDX §1.4: lookbackPeriod from 0 up to the bank's maximum is accepted")
	void parseWhenLookbackPeriodAtLimitsThenAccepted(int days) {
		ConsentRequest request = this.details.parse(consentRequest(
				"'durationType':'ONE_TIME','lookbackPeriod':" + days + ",'resources':[" + ACCOUNT_RESOURCE + "]"));
		assertThat(request.lookbackPeriod()).isEqualTo(days);
	}

	@Test
	@DisplayName("RFC 9396 §2.2: the common data fields (locations, actions, datatypes, identifier, privileges) are accepted")
	void parseWhenCommonDataFieldsThenAccepted() {
		ConsentRequest request = this.details.parse(json("""
				[{'type':'fdx_v1.0','locations':['https://api.bank.example/fdx/v6'],'actions':['read'],
				'datatypes':['transactions'],'identifier':'savings','privileges':['viewer'],
				'consentRequest':{'durationType':'TIME_BOUND','durationPeriod':30,'lookbackPeriod':90,
				'resources':[{'resourceType':'ACCOUNT','dataClusters':['ACCOUNT_DETAILED','TRANSACTIONS']}]}}]"""));
		assertThat(request).isEqualTo(TestConsents.accountRequest());
	}

	@Test
	@DisplayName("FDX §2: every V6 data cluster name is accepted")
	void parseWhenEveryDataClusterThenAccepted() {
		String all = Stream.of(DataCluster.values())
			.map((cluster) -> "'" + cluster.name() + "'")
			.collect(Collectors.joining(","));
		ConsentRequest request = this.details.parse(consentRequest(
				"'durationType':'ONE_TIME','resources':[{'resourceType':'ACCOUNT','dataClusters':[" + all + "]}]"));
		assertThat(request.clustersFor(ResourceType.ACCOUNT)).containsExactlyInAnyOrder(DataCluster.values());
	}

	@ParameterizedTest
	@MethodSource("refusals")
	@DisplayName("RFC 9396 §5: refuses an authorization_details value that is not an acceptable fdx_v1.0 request")
	void parseWhenNotAcceptableThenInvalidAuthorizationDetails(String authorizationDetails, String keyword) {
		assertThatExceptionOfType(InvalidAuthorizationDetailsException.class)
			.isThrownBy(() -> this.details.parse(authorizationDetails))
			.withMessageContaining(keyword);
	}

	static Stream<Arguments> refusals() {
		String account = ACCOUNT_RESOURCE;
		String timeBound = "'durationType':'TIME_BOUND','durationPeriod':30,";
		return Stream.of(argumentSet("fails because the value is not JSON", "not json at all", "not valid JSON"),
				argumentSet("fails because the value is truncated JSON", DESIGN_EXAMPLE.substring(0, 40),
						"not valid JSON"),
				argumentSet("fails because the value is empty", "", "not valid JSON"),
				argumentSet("fails because content follows the array", DESIGN_EXAMPLE + " []", "not valid JSON"),
				argumentSet("fails because the value is an object, not an array",
						json("{'type':'fdx_v1.0','consentRequest':{}}"), "array"),
				argumentSet("fails because the value is JSON null", "null", "array"),
				argumentSet("fails because the array is empty", "[]", "non-empty"),
				argumentSet("fails because there are two details",
						"[" + strip(DESIGN_EXAMPLE) + "," + strip(DESIGN_EXAMPLE) + "]", "exactly one"),
				argumentSet("fails because the detail is not an object", "[\"fdx_v1.0\"]", "JSON object"),
				argumentSet("fails because the detail has no type",
						json("[{'consentRequest':{'durationType':'ONE_TIME','resources':[" + account + "]}}]"),
						"no type"),
				argumentSet("fails because the type is not a string",
						json("[{'type':1,'consentRequest':{'durationType':'ONE_TIME','resources':[" + account + "]}}]"),
						"no type"),
				argumentSet("fails because the type is another one",
						json("[{'type':'payment_initiation','consentRequest':{'durationType':'ONE_TIME','resources':["
								+ account + "]}}]"),
						"payment_initiation"),
				argumentSet("fails because the detail has an unknown member",
						json("[{'type':'fdx_v1.0','scope':'x','consentRequest':{'durationType':'ONE_TIME','resources':["
								+ account + "]}}]"),
						"unknown member 'scope'"),
				argumentSet("fails because the consentRequest is missing", json("[{'type':'fdx_v1.0'}]"),
						"consentRequest"),
				argumentSet("fails because the consentRequest is not an object",
						json("[{'type':'fdx_v1.0','consentRequest':'TIME_BOUND'}]"), "consentRequest"),
				argumentSet("fails because the consentRequest has an unknown member",
						consentRequest(timeBound + "'resources':[" + account + "],'purpose':'x'"),
						"unknown member 'purpose'"),
				argumentSet("fails because durationType is missing",
						consentRequest("'durationPeriod':30,'resources':[" + account + "]"), "durationType"),
				argumentSet("fails because durationType is not a string",
						consentRequest("'durationType':1,'resources':[" + account + "]"), "durationType"),
				argumentSet("fails because durationType is unknown",
						consentRequest("'durationType':'FOREVER','resources':[" + account + "]"), "FOREVER"),
				argumentSet("fails because durationType is lower case",
						consentRequest("'durationType':'one_time','resources':[" + account + "]"), "durationType"),
				argumentSet("fails because TIME_BOUND has no durationPeriod",
						consentRequest("'durationType':'TIME_BOUND','resources':[" + account + "]"), "durationPeriod"),
				argumentSet("fails because durationPeriod is 0",
						consentRequest("'durationType':'TIME_BOUND','durationPeriod':0,'resources':[" + account + "]"),
						"durationPeriod"),
				argumentSet("fails because durationPeriod is negative",
						consentRequest("'durationType':'TIME_BOUND','durationPeriod':-1,'resources':[" + account + "]"),
						"durationPeriod"),
				argumentSet("fails because durationPeriod 366 is beyond a year (CFPB 1033)",
						consentRequest(
								"'durationType':'TIME_BOUND','durationPeriod':366,'resources':[" + account + "]"),
						"365"),
				argumentSet("fails because durationPeriod does not fit an int",
						consentRequest("'durationType':'TIME_BOUND','durationPeriod':4294967296,'resources':[" + account
								+ "]"),
						"durationPeriod"),
				argumentSet("fails because durationPeriod is a fraction",
						consentRequest(
								"'durationType':'TIME_BOUND','durationPeriod':1.5,'resources':[" + account + "]"),
						"whole number"),
				argumentSet("fails because durationPeriod is a string",
						consentRequest(
								"'durationType':'TIME_BOUND','durationPeriod':'30','resources':[" + account + "]"),
						"whole number"),
				argumentSet("fails because durationPeriod is given with ONE_TIME",
						consentRequest("'durationType':'ONE_TIME','durationPeriod':30,'resources':[" + account + "]"),
						"only allowed with TIME_BOUND"),
				argumentSet("fails because durationPeriod is given with PERSISTENT",
						consentRequest("'durationType':'PERSISTENT','durationPeriod':30,'resources':[" + account + "]"),
						"only allowed with TIME_BOUND"),
				argumentSet("fails because lookbackPeriod is negative",
						consentRequest(timeBound + "'lookbackPeriod':-1,'resources':[" + account + "]"),
						"lookbackPeriod"),
				argumentSet("fails because lookbackPeriod is above the bank's limit",
						consentRequest(timeBound + "'lookbackPeriod':731,'resources':[" + account + "]"), "730"),
				argumentSet("fails because lookbackPeriod is a fraction",
						consentRequest(timeBound + "'lookbackPeriod':1.5,'resources':[" + account + "]"),
						"whole number"),
				argumentSet("fails because lookbackPeriod is a string",
						consentRequest(timeBound + "'lookbackPeriod':'90','resources':[" + account + "]"),
						"whole number"),
				argumentSet("fails because lookbackPeriod is a boolean",
						consentRequest(timeBound + "'lookbackPeriod':true,'resources':[" + account + "]"),
						"whole number"),
				argumentSet("fails because resources is missing", consentRequest("'durationType':'ONE_TIME'"),
						"resources"),
				argumentSet("fails because resources is empty",
						consentRequest("'durationType':'ONE_TIME','resources':[]"), "non-empty"),
				argumentSet("fails because resources is an object",
						consentRequest("'durationType':'ONE_TIME','resources':" + account), "resources"),
				argumentSet("fails because resources has more than 16 entries",
						consentRequest("'durationType':'ONE_TIME','resources':["
								+ String.join(",", Collections.nCopies(17, account)) + "]"),
						"16"),
				argumentSet("fails because a resource is not an object",
						consentRequest("'durationType':'ONE_TIME','resources':['ACCOUNT']"), "JSON object"),
				argumentSet("fails because a resource names a resourceId (the customer picks accounts)",
						consentRequest("'durationType':'ONE_TIME','resources':[{'resourceType':'ACCOUNT',"
								+ "'resourceId':'acc-1','dataClusters':['TRANSACTIONS']}]"),
						"unknown member 'resourceId'"),
				argumentSet("fails because a resource has no resourceType",
						consentRequest("'durationType':'ONE_TIME','resources':[{'dataClusters':['TRANSACTIONS']}]"),
						"resourceType"),
				argumentSet("fails because resourceType is unknown",
						consentRequest("'durationType':'ONE_TIME','resources':[{'resourceType':'LOAN',"
								+ "'dataClusters':['TRANSACTIONS']}]"),
						"LOAN"),
				argumentSet("fails because resourceType DOCUMENT is not offered",
						consentRequest("'durationType':'ONE_TIME','resources':[{'resourceType':'DOCUMENT',"
								+ "'dataClusters':['STATEMENTS']}]"),
						"DOCUMENT"),
				argumentSet("fails because a resourceType appears twice",
						consentRequest("'durationType':'ONE_TIME','resources':[" + account + ","
								+ "{'resourceType':'ACCOUNT','dataClusters':['STATEMENTS']}]"),
						"more than once"),
				argumentSet("fails because dataClusters is missing",
						consentRequest("'durationType':'ONE_TIME','resources':[{'resourceType':'ACCOUNT'}]"),
						"dataClusters"),
				argumentSet("fails because dataClusters is empty",
						consentRequest("'durationType':'ONE_TIME','resources':[{'resourceType':'ACCOUNT',"
								+ "'dataClusters':[]}]"),
						"dataClusters"),
				argumentSet("fails because dataClusters is a string",
						consentRequest("'durationType':'ONE_TIME','resources':[{'resourceType':'ACCOUNT',"
								+ "'dataClusters':'TRANSACTIONS'}]"),
						"dataClusters"),
				argumentSet("fails because a data cluster is unknown",
						consentRequest("'durationType':'ONE_TIME','resources':[{'resourceType':'ACCOUNT',"
								+ "'dataClusters':['TRANSACTIONS','EVERYTHING']}]"),
						"EVERYTHING"),
				argumentSet("fails because a data cluster is not a string",
						consentRequest("'durationType':'ONE_TIME','resources':[{'resourceType':'ACCOUNT',"
								+ "'dataClusters':[7]}]"),
						"dataClusters"),
				argumentSet("fails because the value is longer than 8192 characters",
						DESIGN_EXAMPLE + " ".repeat(8193 - DESIGN_EXAMPLE.length()), "8192"));
	}

	@Test
	@DisplayName("RFC 9396 §5: a valid value of exactly 8192 characters is still read")
	void parseWhenExactlyMaxLengthThenAccepted() {
		String padded = DESIGN_EXAMPLE + " ".repeat(FdxAuthorizationDetails.MAX_LENGTH - DESIGN_EXAMPLE.length());
		assertThat(padded).hasSize(8192);
		assertThat(this.details.parse(padded)).isEqualTo(TestConsents.accountRequest());
	}

	@Test
	@DisplayName("RFC 9396 §7: the granted detail is fdx_v1.0 with consentId, the request and one entry per granted resource")
	void grantedWhenConsentActiveThenDetailWithConsentIdAndResources() {
		Consent consent = activeConsent(TestConsents.accountAndCustomerRequest());
		List<Map<String, Object>> granted = FdxAuthorizationDetails.granted(consent);
		assertThat(granted).hasSize(1);
		Map<String, Object> detail = granted.get(0);
		assertThat(detail).containsOnlyKeys("type", "consentId", "consentRequest")
			.containsEntry("type", "fdx_v1.0")
			.containsEntry("consentId", consent.id().value());
		@SuppressWarnings("unchecked")
		Map<String, Object> request = (Map<String, Object>) detail.get("consentRequest");
		assertThat(request).containsExactly(Map.entry("durationType", "TIME_BOUND"), Map.entry("durationPeriod", 365),
				Map.entry("lookbackPeriod", 60),
				Map.entry("resources",
						List.of(Map.of("resourceType", "ACCOUNT", "resourceId", "acc-1", "dataClusters",
								List.of("ACCOUNT_DETAILED", "TRANSACTIONS", "STATEMENTS")),
								Map.of("resourceType", "ACCOUNT", "resourceId", "acc-3", "dataClusters",
										List.of("ACCOUNT_DETAILED", "TRANSACTIONS", "STATEMENTS")),
								Map.of("resourceType", "CUSTOMER", "resourceId", "alice", "dataClusters",
										List.of("CUSTOMER_CONTACT")))));
	}

	@Test
	@DisplayName("RFC 9396 §7: dataClusters are listed in a stable order (declaration order of DataCluster)")
	void grantedWhenManyClustersThenSorted() {
		EnumSet<DataCluster> all = EnumSet.allOf(DataCluster.class);
		ConsentRequest request = new ConsentRequest(DurationType.ONE_TIME, null, 0,
				List.of(new RequestedResource(ResourceType.ACCOUNT, all)));
		Consent consent = new Consent(ConsentId.generate(), TestConsents.CLIENT_ID, "alice", ConsentStatus.ACTIVE,
				request, List.of(new GrantedResource(ResourceType.ACCOUNT, "acc-1", all)), TestConsents.CREATED_AT,
				TestConsents.CREATED_AT, TestConsents.CREATED_AT.plusSeconds(3600), TestConsents.CREATED_AT);
		Map<String, Object> resource = resources(FdxAuthorizationDetails.granted(consent)).get(0);
		assertThat(resource.get("dataClusters")).isEqualTo(Stream.of(DataCluster.values()).map(Enum::name).toList());
	}

	@Test
	@DisplayName("FDX §1.4: a ONE_TIME grant renders no durationPeriod")
	void grantedWhenOneTimeThenNoDurationPeriod() {
		Consent consent = activeConsent(
				TestConsents.withDuration(TestConsents.accountRequest(), DurationType.ONE_TIME, null));
		@SuppressWarnings("unchecked")
		Map<String, Object> request = (Map<String, Object>) FdxAuthorizationDetails.granted(consent)
			.get(0)
			.get("consentRequest");
		assertThat(request).containsOnlyKeys("durationType", "lookbackPeriod", "resources")
			.containsEntry("durationType", "ONE_TIME");
	}

	@Test
	@DisplayName("DESIGN: granted details use only ArrayList/LinkedHashMap, which the Jackson type allow-list persists")
	void grantedWhenRenderedThenOnlyMutableJdkCollections() {
		Object granted = FdxAuthorizationDetails.granted(activeConsent(TestConsents.accountAndCustomerRequest()));
		List<Object> collections = new ArrayList<>();
		collect(granted, collections);
		assertThat(collections).hasSizeGreaterThanOrEqualTo(10);
		assertThat(collections)
			.allSatisfy((collection) -> assertThat(collection.getClass()).isIn(ArrayList.class, LinkedHashMap.class));
	}

	private static Consent activeConsent(ConsentRequest request) {
		Instant authorizedAt = TestConsents.CREATED_AT.plusSeconds(60);
		List<GrantedResource> granted = new ArrayList<>();
		for (String accountId : List.of("acc-1", "acc-3")) {
			granted
				.add(new GrantedResource(ResourceType.ACCOUNT, accountId, request.clustersFor(ResourceType.ACCOUNT)));
		}
		if (!request.clustersFor(ResourceType.CUSTOMER).isEmpty()) {
			granted
				.add(new GrantedResource(ResourceType.CUSTOMER, "alice", request.clustersFor(ResourceType.CUSTOMER)));
		}
		return new Consent(ConsentId.generate(), TestConsents.CLIENT_ID, "alice", ConsentStatus.ACTIVE, request,
				granted, TestConsents.CREATED_AT, authorizedAt, authorizedAt.plusSeconds(86400), authorizedAt);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> resources(List<Map<String, Object>> granted) {
		return (List<Map<String, Object>>) ((Map<String, Object>) granted.get(0).get("consentRequest"))
			.get("resources");
	}

	private static void collect(Object value, List<Object> collections) {
		if (value instanceof Map<?, ?> map) {
			collections.add(map);
			map.values().forEach((v) -> collect(v, collections));
		}
		else if (value instanceof Collection<?> collection) {
			collections.add(collection);
			collection.forEach((v) -> collect(v, collections));
		}
	}

	/**
	 * One fdx_v1.0 detail around the given consentRequest members (single quotes stand
	 * for double quotes).
	 */
	private static String consentRequest(String members) {
		return json("[{'type':'fdx_v1.0','consentRequest':{" + members + "}}]");
	}

	private static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

	private static String strip(String array) {
		String trimmed = array.strip();
		return trimmed.substring(1, trimmed.length() - 1);
	}

}
