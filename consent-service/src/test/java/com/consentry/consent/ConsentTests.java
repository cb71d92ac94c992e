package com.consentry.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Consent}.
 */
class ConsentTests {

	private static final Instant EXPIRES_AT = Instant.parse("2025-07-01T10:00:00Z");

	@Test
	@DisplayName("FDX §1.5: an ACTIVE consent is active before its expiry")
	void isActiveAtWhenActiveAndBeforeExpiryThenTrue() {
		Consent consent = consent(ConsentStatus.ACTIVE);
		assertThat(consent.isActiveAt(TestConsents.CREATED_AT)).isTrue();
		assertThat(consent.isActiveAt(EXPIRES_AT.minusMillis(1))).isTrue();
	}

	@Test
	@DisplayName("FDX §1.5: an ACTIVE consent is no longer active at or after its expiry")
	void isActiveAtWhenActiveAndAtOrAfterExpiryThenFalse() {
		Consent consent = consent(ConsentStatus.ACTIVE);
		assertThat(consent.isActiveAt(EXPIRES_AT)).isFalse();
		assertThat(consent.isActiveAt(EXPIRES_AT.plusMillis(1))).isFalse();
		assertThat(consent.isActiveAt(EXPIRES_AT.plusSeconds(86_400 * 400L))).isFalse();
	}

	@Test
	@DisplayName("DESIGN (fail closed): an ACTIVE consent without an expiration time is not active")
	void isActiveAtWhenActiveWithoutExpiryThenFalse() {
		Consent consent = new Consent(ConsentId.generate(), TestConsents.CLIENT_ID, "alice", ConsentStatus.ACTIVE,
				TestConsents.accountRequest(), List.of(), TestConsents.CREATED_AT, TestConsents.CREATED_AT, null,
				TestConsents.CREATED_AT);
		assertThat(consent.isActiveAt(TestConsents.CREATED_AT)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = ConsentStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
	@DisplayName("FDX §1.5: a consent in any status but ACTIVE is never active, even before its expiry")
	void isActiveAtWhenNotActiveStatusThenFalse(ConsentStatus status) {
		Consent consent = new Consent(ConsentId.generate(), TestConsents.CLIENT_ID, "alice", status,
				TestConsents.accountRequest(), List.of(), TestConsents.CREATED_AT, null, EXPIRES_AT,
				TestConsents.CREATED_AT);
		assertThat(consent.isActiveAt(TestConsents.CREATED_AT)).isFalse();
	}

	@Test
	@DisplayName("FDX §1.4: resourceIds lists the chosen resources in the order they were granted")
	void resourceIdsWhenGrantedThenIdsInOrder() {
		assertThat(consent(ConsentStatus.ACTIVE).resourceIds()).containsExactly("acc-2", "acc-1");
	}

	@Test
	@DisplayName("DESIGN: a consent keeps its own copy of the granted resources")
	void constructorWhenGrantedListChangesLaterThenConsentUnchanged() {
		List<GrantedResource> granted = new ArrayList<>(List.of(account("acc-1")));
		Consent consent = new Consent(ConsentId.generate(), TestConsents.CLIENT_ID, "alice", ConsentStatus.ACTIVE,
				TestConsents.accountRequest(), granted, TestConsents.CREATED_AT, TestConsents.CREATED_AT, EXPIRES_AT,
				TestConsents.CREATED_AT);
		granted.add(account("acc-2"));
		assertThat(consent.resourceIds()).containsExactly("acc-1");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> consent.grantedResources().add(account("acc-3")));
	}

	private static Consent consent(ConsentStatus status) {
		return new Consent(ConsentId.generate(), TestConsents.CLIENT_ID, "alice", status, TestConsents.accountRequest(),
				List.of(account("acc-2"), account("acc-1")), TestConsents.CREATED_AT, TestConsents.CREATED_AT,
				EXPIRES_AT, TestConsents.CREATED_AT);
	}

	private static GrantedResource account(String accountId) {
		return new GrantedResource(ResourceType.ACCOUNT, accountId, EnumSet.of(DataCluster.TRANSACTIONS));
	}

}
