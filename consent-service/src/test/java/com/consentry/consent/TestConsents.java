package com.consentry.consent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * Fixtures for the consent module's unit tests: requests and consents in a known state.
 */
final class TestConsents {

	static final Instant CREATED_AT = Instant.parse("2025-06-01T09:55:00Z");

	static final String CLIENT_ID = "partner-1";

	private TestConsents() {
	}

	/**
	 * The contract example's request: 30 days, 90 days of history, detailed account data
	 * and transactions.
	 */
	static ConsentRequest accountRequest() {
		return new ConsentRequest(DurationType.TIME_BOUND, 30, 90, List.of(new RequestedResource(ResourceType.ACCOUNT,
				EnumSet.of(DataCluster.ACCOUNT_DETAILED, DataCluster.TRANSACTIONS))));
	}

	/**
	 * The request from spec/fdx.md §1.4: account data plus the customer's contact
	 * information.
	 */
	static ConsentRequest accountAndCustomerRequest() {
		return new ConsentRequest(
				DurationType.TIME_BOUND, 365, 60, List.of(
						new RequestedResource(ResourceType.ACCOUNT,
								EnumSet.of(DataCluster.ACCOUNT_DETAILED, DataCluster.TRANSACTIONS,
										DataCluster.STATEMENTS)),
						new RequestedResource(ResourceType.CUSTOMER, EnumSet.of(DataCluster.CUSTOMER_CONTACT))));
	}

	/** Only the customer's contact information; no account data. */
	static ConsentRequest customerOnlyRequest() {
		return new ConsentRequest(DurationType.PERSISTENT, null, 0,
				List.of(new RequestedResource(ResourceType.CUSTOMER, EnumSet.of(DataCluster.CUSTOMER_CONTACT))));
	}

	static ConsentRequest withDuration(ConsentRequest request, DurationType durationType, Integer durationPeriod) {
		return new ConsentRequest(durationType, durationPeriod, request.lookbackPeriod(), request.resources());
	}

	/** A consent as PAR leaves it: requested, not yet seen by any customer. */
	static Consent awaiting(ConsentId id, ConsentRequest request) {
		return new Consent(id, CLIENT_ID, null, ConsentStatus.AWAITING_AUTHORIZATION, request, List.of(), CREATED_AT,
				null, null, CREATED_AT);
	}

	/**
	 * A consent in the given status; ACTIVE and later ones carry the customer and one
	 * account.
	 */
	static Consent inStatus(ConsentId id, ConsentStatus status, ConsentRequest request, Instant expiresAt) {
		if (status == ConsentStatus.AWAITING_AUTHORIZATION) {
			return awaiting(id, request);
		}
		List<GrantedResource> granted = (status == ConsentStatus.DENIED) ? List.of() : List
			.of(new GrantedResource(ResourceType.ACCOUNT, "acc-1", request.clustersFor(ResourceType.ACCOUNT)));
		Instant authorizedAt = (status == ConsentStatus.DENIED) ? null : CREATED_AT.plusSeconds(60);
		return new Consent(id, CLIENT_ID, "alice", status, request, granted, CREATED_AT, authorizedAt,
				(status == ConsentStatus.DENIED) ? null : expiresAt, CREATED_AT.plusSeconds(60));
	}

}
