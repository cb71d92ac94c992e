package com.consentry.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import com.consentry.consent.CustomerAccounts.AccountSummary;
import com.consentry.consent.internal.ConsentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link Consents}.
 */
class ConsentsTests {

	private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

	private static final ConsentId ID = ConsentId.generate();

	private final ConsentLimits limits = new ConsentLimits(365, 730, 90, 60);

	private ConsentStore store;

	private CustomerAccounts customerAccounts;

	private ApplicationEventPublisher events;

	private Consents consents;

	@BeforeEach
	void setUp() {
		this.store = mock(ConsentStore.class);
		this.customerAccounts = mock(CustomerAccounts.class);
		given(this.customerAccounts.accountsOf("alice"))
			.willReturn(List.of(account("acc-1"), account("acc-2"), account("acc-3")));
		given(this.customerAccounts.accountsOf("bob")).willReturn(List.of(account("acc-9")));
		given(this.store.update(any(), any())).willReturn(true);
		this.events = mock(ApplicationEventPublisher.class);
		this.consents = new Consents(this.store, this.customerAccounts, this.limits, this.events,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	@DisplayName("RFC7592 §2.3, FDX ConsentRevocation: a deleted partner's consents are revoked for BUSINESS_RULE by the DATA_PROVIDER")
	void revokeAllOfDeletedPartnerThenBusinessRuleByDataProvider() {
		given(this.store.revokeAllOfClient(any(), any())).willAnswer((invocation) -> List.of(
				new ConsentRevoked(ConsentId.generate(), "partner-1", "alice", invocation.getArgument(1),
						RevocationChannel.REGISTRY),
				new ConsentRevoked(ConsentId.generate(), "partner-1", null, invocation.getArgument(1),
						RevocationChannel.REGISTRY)));

		int revoked = this.consents.revokeAllOfDeletedPartner("partner-1");

		ArgumentCaptor<ConsentRevocation> revocation = ArgumentCaptor.forClass(ConsentRevocation.class);
		verify(this.store).revokeAllOfClient(eq("partner-1"), revocation.capture());
		assertThat(revoked).isEqualTo(2);
		assertThat(revocation.getValue().reason()).isEqualTo(ConsentUpdateReason.BUSINESS_RULE);
		assertThat(revocation.getValue().initiator()).isEqualTo(PartyType.DATA_PROVIDER);
		assertThat(revocation.getValue().updatedTime()).isEqualTo(NOW);
		verify(this.events, times(2)).publishEvent(any(ConsentRevoked.class));
		assertThat(revocation.getValue().status()).isEqualTo(ConsentStatus.REVOKED);
	}

	@Test
	@DisplayName("FDX §1.4: a consent requested at PAR is stored awaiting authorization, bound to no customer")
	void requestWhenCalledThenAwaitingAuthorizationInserted() {
		Consent consent = this.consents.request(ID, "partner-1", TestConsents.accountRequest());
		assertThat(consent.status()).isEqualTo(ConsentStatus.AWAITING_AUTHORIZATION);
		assertThat(consent.clientId()).isEqualTo("partner-1");
		assertThat(consent.customerId()).isNull();
		assertThat(consent.grantedResources()).isEmpty();
		assertThat(consent.createdAt()).isEqualTo(NOW);
		assertThat(consent.updatedAt()).isEqualTo(NOW);
		assertThat(consent.authorizedAt()).isNull();
		assertThat(consent.expiresAt()).isNull();
		assertThat(consent.isActiveAt(NOW)).isFalse();
		verify(this.store).insert(consent);
	}

	@Test
	@DisplayName("FDX §1.4: approval binds the customer and exactly the chosen accounts, each with the ACCOUNT clusters")
	void approveWhenAccountsChosenThenActiveWithExactlyThoseAccounts() {
		awaiting(TestConsents.accountRequest());
		Consent active = this.consents.approve(ID, "alice", List.of("acc-3", "acc-1"));
		assertThat(active.status()).isEqualTo(ConsentStatus.ACTIVE);
		assertThat(active.id()).isEqualTo(ID);
		assertThat(active.clientId()).isEqualTo(TestConsents.CLIENT_ID);
		assertThat(active.customerId()).isEqualTo("alice");
		assertThat(active.request()).isEqualTo(TestConsents.accountRequest());
		assertThat(active.grantedResources()).containsExactly(
				new GrantedResource(ResourceType.ACCOUNT, "acc-3",
						EnumSet.of(DataCluster.ACCOUNT_DETAILED, DataCluster.TRANSACTIONS)),
				new GrantedResource(ResourceType.ACCOUNT, "acc-1",
						EnumSet.of(DataCluster.ACCOUNT_DETAILED, DataCluster.TRANSACTIONS)));
		assertThat(active.createdAt()).isEqualTo(TestConsents.CREATED_AT);
		assertThat(active.authorizedAt()).isEqualTo(NOW);
		assertThat(active.updatedAt()).isEqualTo(NOW);
		assertThat(updated()).isEqualTo(active);
	}

	@Test
	@DisplayName("FDX §1.4: approval adds one CUSTOMER resource, the customer, when CUSTOMER clusters were requested")
	void approveWhenCustomerClustersRequestedThenCustomerResourceAdded() {
		awaiting(TestConsents.accountAndCustomerRequest());
		Consent active = this.consents.approve(ID, "alice", List.of("acc-2"));
		assertThat(active.grantedResources()).containsExactly(
				new GrantedResource(ResourceType.ACCOUNT, "acc-2",
						EnumSet.of(DataCluster.ACCOUNT_DETAILED, DataCluster.TRANSACTIONS, DataCluster.STATEMENTS)),
				new GrantedResource(ResourceType.CUSTOMER, "alice", EnumSet.of(DataCluster.CUSTOMER_CONTACT)));
		assertThat(updated()).isEqualTo(active);
	}

	@Test
	@DisplayName("FDX §1.4: a request for CUSTOMER data only is approved without any account")
	void approveWhenOnlyCustomerDataRequestedAndNoAccountChosenThenCustomerResourceOnly() {
		awaiting(TestConsents.customerOnlyRequest());
		Consent active = this.consents.approve(ID, "alice", List.of());
		assertThat(active.grantedResources()).containsExactly(
				new GrantedResource(ResourceType.CUSTOMER, "alice", EnumSet.of(DataCluster.CUSTOMER_CONTACT)));
	}

	@Test
	@DisplayName("FDX §1.4: an account chosen twice is granted once")
	void approveWhenAccountChosenTwiceThenGrantedOnce() {
		awaiting(TestConsents.accountRequest());
		Consent active = this.consents.approve(ID, "alice", List.of("acc-1", "acc-1"));
		assertThat(active.resourceIds()).containsExactly("acc-1");
	}

	@Test
	@DisplayName("FDX §1.4: a TIME_BOUND consent expires durationPeriod days after approval")
	void approveWhenTimeBoundThenExpiresAfterDurationPeriod() {
		awaiting(TestConsents.accountRequest());
		Consent active = this.consents.approve(ID, "alice", List.of("acc-1"));
		assertThat(active.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
		assertThat(active.isActiveAt(NOW)).isTrue();
	}

	@Test
	@DisplayName("FDX §1.4: a ONE_TIME consent expires the configured number of minutes after approval")
	void approveWhenOneTimeThenExpiresAfterOneTimeMinutes() {
		awaiting(TestConsents.withDuration(TestConsents.accountRequest(), DurationType.ONE_TIME, null));
		Consent active = this.consents.approve(ID, "alice", List.of("acc-1"));
		assertThat(active.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
	}

	@Test
	@DisplayName("CFPB 1033.205(b)(2)(ii): a PERSISTENT consent expires a year (365 days) after approval")
	void approveWhenPersistentThenExpiresAfterOneYear() {
		awaiting(TestConsents.withDuration(TestConsents.accountRequest(), DurationType.PERSISTENT, null));
		Consent active = this.consents.approve(ID, "alice", List.of("acc-1"));
		assertThat(active.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(365)));
	}

	@ParameterizedTest
	@MethodSource("refusedApprovals")
	@DisplayName("FDX §1.4: an approval the consent's state does not allow is refused and nothing is stored")
	void approveWhenNotAllowedThenRefusedAndNothingUpdated(Consent stored, String customerId, List<String> accountIds,
			String keyword) {
		given(this.store.findForUpdate(ID)).willReturn(Optional.ofNullable(stored));
		assertThatExceptionOfType(IllegalConsentChangeException.class)
			.isThrownBy(() -> this.consents.approve(ID, customerId, accountIds))
			.withMessageContaining(keyword);
		verify(this.store, never()).update(any(), any());
		verify(this.store, never()).insert(any());
	}

	static List<Arguments> refusedApprovals() {
		Instant expiresAt = NOW.plus(Duration.ofDays(30));
		ConsentRequest account = TestConsents.accountRequest();
		return List.of(
				argumentSet("fails because the consent is already ACTIVE",
						TestConsents.inStatus(ID, ConsentStatus.ACTIVE, account, expiresAt), "alice", List.of("acc-1"),
						"not awaiting authorization"),
				argumentSet("fails because the consent was DENIED",
						TestConsents.inStatus(ID, ConsentStatus.DENIED, account, expiresAt), "alice", List.of("acc-1"),
						"not awaiting authorization"),
				argumentSet("fails because the consent was REVOKED",
						TestConsents.inStatus(ID, ConsentStatus.REVOKED, account, expiresAt), "alice", List.of("acc-1"),
						"not awaiting authorization"),
				argumentSet("fails because the consent EXPIRED",
						TestConsents.inStatus(ID, ConsentStatus.EXPIRED, account, expiresAt), "alice", List.of("acc-1"),
						"not awaiting authorization"),
				argumentSet("fails because an account is not held by the customer", TestConsents.awaiting(ID, account),
						"alice", List.of("acc-1", "acc-9"), "not held"),
				argumentSet("fails because the account is another customer's", TestConsents.awaiting(ID, account),
						"bob", List.of("acc-1"), "not held"),
				argumentSet("fails because the customer holds no account at all", TestConsents.awaiting(ID, account),
						"carol", List.of("acc-1"), "not held"),
				argumentSet("fails because no account was chosen although ACCOUNT data was requested",
						TestConsents.awaiting(ID, account), "alice", List.of(), "at least one account"),
				argumentSet("fails because accounts were chosen although no ACCOUNT data was requested",
						TestConsents.awaiting(ID, TestConsents.customerOnlyRequest()), "alice", List.of("acc-1"),
						"no account data"),
				argumentSet("fails because the consent is unknown", null, "alice", List.of("acc-1"),
						"no such consent"));
	}

	@Test
	@DisplayName("FDX §1.2: the customer's refusal moves a consent awaiting authorization to DENIED")
	void denyWhenAwaitingAuthorizationThenDenied() {
		awaiting(TestConsents.accountRequest());
		this.consents.deny(ID, "alice");
		Consent denied = updated();
		assertThat(denied.id()).isEqualTo(ID);
		assertThat(denied.status()).isEqualTo(ConsentStatus.DENIED);
		assertThat(denied.customerId()).isEqualTo("alice");
		assertThat(denied.grantedResources()).isEmpty();
		assertThat(denied.authorizedAt()).isNull();
		assertThat(denied.expiresAt()).isNull();
		assertThat(denied.updatedAt()).isEqualTo(NOW);
		assertThat(denied.createdAt()).isEqualTo(TestConsents.CREATED_AT);
		assertThat(denied.isActiveAt(NOW)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = ConsentStatus.class, names = "AWAITING_AUTHORIZATION", mode = EnumSource.Mode.EXCLUDE)
	@DisplayName("FDX §1.2: a refusal leaves a consent that no longer awaits authorization as it is")
	void denyWhenNotAwaitingAuthorizationThenUnchanged(ConsentStatus status) {
		given(this.store.findForUpdate(ID)).willReturn(Optional
			.of(TestConsents.inStatus(ID, status, TestConsents.accountRequest(), NOW.plus(Duration.ofDays(30)))));
		this.consents.deny(ID, "alice");
		verify(this.store, never()).update(any(), any());
	}

	@Test
	@DisplayName("FDX §1.2: a refusal of an unknown consent changes nothing")
	void denyWhenUnknownThenNothingUpdated() {
		given(this.store.findForUpdate(ID)).willReturn(Optional.empty());
		this.consents.deny(ID, "alice");
		verify(this.store, never()).update(any(), any());
	}

	@Test
	@DisplayName("FDX §1.5: isActive is true only for a stored ACTIVE consent before its expiry, and fails closed")
	void isActiveWhenStoredStateVariesThenTrueOnlyWhenActiveAndUnexpired() {
		ConsentRequest request = TestConsents.accountRequest();
		given(this.store.find(ID)).willReturn(Optional.empty());
		assertThat(this.consents.isActive(ID)).isFalse();
		given(this.store.find(ID))
			.willReturn(Optional.of(TestConsents.inStatus(ID, ConsentStatus.ACTIVE, request, NOW.plusSeconds(1))));
		assertThat(this.consents.isActive(ID)).isTrue();
		given(this.store.find(ID))
			.willReturn(Optional.of(TestConsents.inStatus(ID, ConsentStatus.ACTIVE, request, NOW)));
		assertThat(this.consents.isActive(ID)).isFalse();
		given(this.store.find(ID))
			.willReturn(Optional.of(TestConsents.inStatus(ID, ConsentStatus.REVOKED, request, NOW.plusSeconds(3600))));
		assertThat(this.consents.isActive(ID)).isFalse();
	}

	private void awaiting(ConsentRequest request) {
		given(this.store.findForUpdate(ID)).willReturn(Optional.of(TestConsents.awaiting(ID, request)));
	}

	private Consent updated() {
		ArgumentCaptor<Consent> captor = ArgumentCaptor.forClass(Consent.class);
		verify(this.store).update(captor.capture(), eq(ConsentStatus.AWAITING_AUTHORIZATION));
		return captor.getValue();
	}

	private static AccountSummary account(String accountId) {
		return new AccountSummary(accountId, "DEPOSIT_ACCOUNT", "CHECKING", "Everyday Checking", "Bills",
				"..." + accountId.substring(accountId.length() - 1));
	}

}
