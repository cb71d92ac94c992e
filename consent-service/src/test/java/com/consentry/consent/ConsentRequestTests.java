package com.consentry.consent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests for {@link ConsentRequest}.
 */
class ConsentRequestTests {

	private static final List<RequestedResource> ACCOUNT = List
		.of(new RequestedResource(ResourceType.ACCOUNT, EnumSet.of(DataCluster.TRANSACTIONS)));

	@Test
	@DisplayName("FDX §1.4: TIME_BOUND carries its durationPeriod")
	void constructorWhenTimeBoundWithDurationPeriodThenCreated() {
		ConsentRequest request = new ConsentRequest(DurationType.TIME_BOUND, 30, 90, ACCOUNT);
		assertThat(request.durationPeriod()).isEqualTo(30);
	}

	@Test
	@DisplayName("FDX §1.4: ONE_TIME and PERSISTENT carry no durationPeriod")
	void constructorWhenNotTimeBoundWithoutDurationPeriodThenCreated() {
		assertThat(new ConsentRequest(DurationType.ONE_TIME, null, 0, ACCOUNT).durationPeriod()).isNull();
		assertThat(new ConsentRequest(DurationType.PERSISTENT, null, 0, ACCOUNT).durationPeriod()).isNull();
	}

	@ParameterizedTest
	@MethodSource("invalidRequests")
	@DisplayName("FDX §1.4: a consent request that breaks its invariants cannot be built")
	void constructorWhenInvariantBrokenThenIllegalArgument(DurationType durationType, Integer durationPeriod,
			List<RequestedResource> resources, String keyword) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentRequest(durationType, durationPeriod, 90, resources))
			.withMessageContaining(keyword);
	}

	static List<Arguments> invalidRequests() {
		return List.of(
				argumentSet("fails because TIME_BOUND has no durationPeriod", DurationType.TIME_BOUND, null, ACCOUNT,
						"durationPeriod"),
				argumentSet("fails because ONE_TIME has a durationPeriod", DurationType.ONE_TIME, 30, ACCOUNT,
						"durationPeriod"),
				argumentSet("fails because PERSISTENT has a durationPeriod", DurationType.PERSISTENT, 30, ACCOUNT,
						"durationPeriod"),
				argumentSet("fails because durationType is missing", null, null, ACCOUNT, "durationType"),
				argumentSet("fails because resources are empty", DurationType.ONE_TIME, null, List.of(), "resources"));
	}

	@Test
	@DisplayName("FDX §2: clustersFor returns the clusters asked for each resource type, and none for the others")
	void clustersForWhenResourceTypesRequestedThenClustersPerType() {
		ConsentRequest request = TestConsents.accountAndCustomerRequest();
		assertThat(request.clustersFor(ResourceType.ACCOUNT)).containsExactlyInAnyOrder(DataCluster.ACCOUNT_DETAILED,
				DataCluster.TRANSACTIONS, DataCluster.STATEMENTS);
		assertThat(request.clustersFor(ResourceType.CUSTOMER)).containsExactly(DataCluster.CUSTOMER_CONTACT);
		assertThat(request.clustersFor(ResourceType.DOCUMENT)).isEmpty();
		assertThat(TestConsents.accountRequest().clustersFor(ResourceType.CUSTOMER)).isEmpty();
	}

	@Test
	@DisplayName("DESIGN: clustersFor hands out a copy, so callers cannot change the request")
	void clustersForWhenResultChangedThenRequestUnchanged() {
		ConsentRequest request = TestConsents.accountRequest();
		request.clustersFor(ResourceType.ACCOUNT).add(DataCluster.CUSTOMER_PERSONAL);
		assertThat(request.clustersFor(ResourceType.ACCOUNT)).doesNotContain(DataCluster.CUSTOMER_PERSONAL);
	}

	@Test
	@DisplayName("DESIGN: a consent request keeps its own copy of the resources")
	void constructorWhenResourceListChangesLaterThenRequestUnchanged() {
		List<RequestedResource> resources = new ArrayList<>(ACCOUNT);
		ConsentRequest request = new ConsentRequest(DurationType.ONE_TIME, null, 0, resources);
		resources.add(new RequestedResource(ResourceType.CUSTOMER, EnumSet.of(DataCluster.CUSTOMER_CONTACT)));
		assertThat(request.resources()).hasSize(1);
		assertThat(request.clustersFor(ResourceType.CUSTOMER)).isEmpty();
	}

}
