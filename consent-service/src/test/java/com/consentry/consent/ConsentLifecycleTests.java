package com.consentry.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.consentry.consent.internal.ConsentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The consent lifecycle: every move between statuses, allowed or refused, on the
 * aggregate ({@link Consent}) and through the service ({@link Consents}); expiry at its
 * boundary with a fixed clock.
 */
class ConsentLifecycleTests {

	private static final Instant EXPIRES_AT = Instant.parse("2025-07-01T10:00:00Z");

	private static final Instant BEFORE_EXPIRY = EXPIRES_AT.minusSeconds(3600);

	private static final ConsentId ID = ConsentId.generate();

	/**
	 * The allowed moves of spec/fdx.md §1.2 plus our internal states, as
	 * {@link ConsentStatus} states them.
	 */
	private static final List<List<ConsentStatus>> ALLOWED = List.of(
			List.of(ConsentStatus.AWAITING_AUTHORIZATION, ConsentStatus.ACTIVE),
			List.of(ConsentStatus.AWAITING_AUTHORIZATION, ConsentStatus.DENIED),
			List.of(ConsentStatus.ACTIVE, ConsentStatus.EXPIRED), List.of(ConsentStatus.ACTIVE, ConsentStatus.REVOKED),
			List.of(ConsentStatus.ACTIVE, ConsentStatus.SUSPENDED),
			List.of(ConsentStatus.SUSPENDED, ConsentStatus.ACTIVE),
			List.of(ConsentStatus.SUSPENDED, ConsentStatus.EXPIRED),
			List.of(ConsentStatus.SUSPENDED, ConsentStatus.REVOKED));

	private ConsentStore store;

	private Consents consents;

	@BeforeEach
	void setUp() {
		this.store = mock(ConsentStore.class);
		this.consents = new Consents(this.store, mock(CustomerAccounts.class), new ConsentLimits(365, 730, 90, 60),
				mock(ApplicationEventPublisher.class), Clock.fixed(BEFORE_EXPIRY, ZoneOffset.UTC));
	}

	static List<Arguments> everyMove() {
		List<Arguments> moves = new ArrayList<>();
		for (ConsentStatus from : ConsentStatus.values()) {
			for (ConsentStatus to : ConsentStatus.values()) {
				boolean allowed = ALLOWED.contains(List.of(from, to));
				moves.add(argumentSet((allowed ? "allows " : "refuses ") + from + " → " + to, from, to, allowed));
			}
		}
		return moves;
	}

	@ParameterizedTest
	@MethodSource("everyMove")
	@DisplayName("FDX §1.2: the consent allows exactly the moves of its lifecycle table and refuses every other with a typed exception")
	void moveWhenTableSaysThenAllowedOrRefused(ConsentStatus from, ConsentStatus to, boolean allowed) {
		assertThat(from.mayBecome(to)).isEqualTo(allowed);
		if (to == ConsentStatus.AWAITING_AUTHORIZATION) {
			return;
		}
		Consent consent = TestConsents.inStatus(ID, from, TestConsents.accountRequest(), EXPIRES_AT);
		if (allowed) {
			assertThat(move(consent, to).status()).isEqualTo(to);
		}
		else {
			assertThatExceptionOfType(ConsentTransitionException.class).isThrownBy(() -> move(consent, to))
				.satisfies((ex) -> assertThat(ex.to()).isEqualTo(to));
		}
	}

	@ParameterizedTest
	@EnumSource(value = ConsentStatus.class, names = { "DENIED", "EXPIRED", "REVOKED" })
	@DisplayName("FDX §1.2: terminal states are final")
	void isFinalWhenTerminalThenTrue(ConsentStatus status) {
		assertThat(status.isFinal()).isTrue();
	}

	@Test
	@DisplayName("FDX §1.2: a consent past its expirationTime is EXPIRED at that instant, whether or not the job stored it")
	void statusAtWhenAtExpiryThenExpired() {
		Consent consent = TestConsents.inStatus(ID, ConsentStatus.ACTIVE, TestConsents.accountRequest(), EXPIRES_AT);
		assertThat(consent.statusAt(EXPIRES_AT.minusMillis(1))).isEqualTo(ConsentStatus.ACTIVE);
		assertThat(consent.isActiveAt(EXPIRES_AT.minusMillis(1))).isTrue();
		assertThat(consent.statusAt(EXPIRES_AT)).isEqualTo(ConsentStatus.EXPIRED);
		assertThat(consent.isActiveAt(EXPIRES_AT)).isFalse();
	}

	@Test
	@DisplayName("FDX §1.2, 409: a consent cannot be revoked at or after its expirationTime, only just before")
	void revokeWhenAtExpiryThenRefusedAsExpired() {
		Consent consent = TestConsents.inStatus(ID, ConsentStatus.ACTIVE, TestConsents.accountRequest(), EXPIRES_AT);
		assertThat(consent.revoke(EXPIRES_AT.minusMillis(1)).status()).isEqualTo(ConsentStatus.REVOKED);
		assertThatExceptionOfType(ConsentTransitionException.class).isThrownBy(() -> consent.revoke(EXPIRES_AT))
			.satisfies((ex) -> assertThat(ex.from()).isEqualTo(ConsentStatus.EXPIRED));
	}

	@Test
	@DisplayName("FDX §1.2: the expiry job's move happens only at or after the expirationTime")
	void expireWhenBeforeExpiryThenRefused() {
		Consent consent = TestConsents.inStatus(ID, ConsentStatus.ACTIVE, TestConsents.accountRequest(), EXPIRES_AT);
		assertThatExceptionOfType(ConsentTransitionException.class)
			.isThrownBy(() -> consent.expire(EXPIRES_AT.minusMillis(1)));
		assertThat(consent.expire(EXPIRES_AT).status()).isEqualTo(ConsentStatus.EXPIRED);
	}

	@Test
	@DisplayName("CFPB 1033.421(b)(2): every duration ends at the latest after the configured cap (365 days by default)")
	void expiryWhenAskedBeyondCapThenCapped() {
		Consents capped = new Consents(this.store, mock(CustomerAccounts.class), new ConsentLimits(90, 730, 90, 60),
				mock(ApplicationEventPublisher.class), Clock.fixed(BEFORE_EXPIRY, ZoneOffset.UTC));
		ConsentRequest request = TestConsents.accountRequest();
		assertThat(capped.expiry(TestConsents.withDuration(request, DurationType.TIME_BOUND, 120), BEFORE_EXPIRY))
			.isEqualTo(BEFORE_EXPIRY.plus(Duration.ofDays(90)));
		assertThat(capped.expiry(TestConsents.withDuration(request, DurationType.TIME_BOUND, 30), BEFORE_EXPIRY))
			.isEqualTo(BEFORE_EXPIRY.plus(Duration.ofDays(30)));
		assertThat(capped.expiry(TestConsents.withDuration(request, DurationType.PERSISTENT, null), BEFORE_EXPIRY))
			.isEqualTo(BEFORE_EXPIRY.plus(Duration.ofDays(90)));
		assertThat(
				this.consents.expiry(TestConsents.withDuration(request, DurationType.PERSISTENT, null), BEFORE_EXPIRY))
			.isEqualTo(BEFORE_EXPIRY.plus(Duration.ofDays(365)));
	}

	@Test
	@DisplayName("FDX §1.2: a ONE_TIME consent ends after its token exchange window (one-time-minutes), also under a small cap")
	void expiryWhenOneTimeThenWindow() {
		ConsentRequest oneTime = TestConsents.withDuration(TestConsents.accountRequest(), DurationType.ONE_TIME, null);
		assertThat(this.consents.expiry(oneTime, BEFORE_EXPIRY)).isEqualTo(BEFORE_EXPIRY.plus(Duration.ofMinutes(60)));
		Consent consent = TestConsents.inStatus(ID, ConsentStatus.ACTIVE, oneTime,
				BEFORE_EXPIRY.plus(Duration.ofMinutes(60)));
		assertThat(consent.isActiveAt(BEFORE_EXPIRY.plus(Duration.ofMinutes(60)).minusMillis(1))).isTrue();
		assertThat(consent.isActiveAt(BEFORE_EXPIRY.plus(Duration.ofMinutes(60)))).isFalse();
	}

	@Test
	@DisplayName("FDX §1.3: the partner revokes its own ACTIVE consent with one conditional update from ACTIVE, recording who and why")
	void revokeByPartnerWhenActiveThenConditionalUpdate() {
		Consent consent = TestConsents.inStatus(ID, ConsentStatus.ACTIVE, TestConsents.accountRequest(), EXPIRES_AT);
		given(this.store.find(ID)).willReturn(Optional.of(consent));
		given(this.store.moveRunning(any(), eq(ConsentStatus.ACTIVE), any())).willReturn(true);

		Consent revoked = this.consents.revokeByPartner(ID, TestConsents.CLIENT_ID, ConsentUpdateReason.USER_ACTION,
				PartyType.DATA_RECIPIENT);

		assertThat(revoked.status()).isEqualTo(ConsentStatus.REVOKED);
		verify(this.store).moveRunning(eq(revoked), eq(ConsentStatus.ACTIVE),
				eq(new ConsentRevocation(ConsentUpdateReason.USER_ACTION, PartyType.DATA_RECIPIENT, BEFORE_EXPIRY)));
	}

	@Test
	@DisplayName("FDX §1.3, 404: another partner's consent is not found, and nothing is written")
	void revokeByPartnerWhenOtherPartnerThenNotFound() {
		given(this.store.find(ID)).willReturn(Optional
			.of(TestConsents.inStatus(ID, ConsentStatus.ACTIVE, TestConsents.accountRequest(), EXPIRES_AT)));
		assertThatExceptionOfType(ConsentNotFoundException.class).isThrownBy(() -> this.consents.revokeByPartner(ID,
				"partner-2", ConsentUpdateReason.USER_ACTION, PartyType.DATA_RECIPIENT));
		verify(this.store, never()).moveRunning(any(), any(), any());
	}

	@Test
	@DisplayName("FDX §1.2: a revocation that loses a race (the row changed after it was read) is refused as a conflict")
	void revokeByCustomerWhenConditionalUpdateMissesThenTransitionRefused() {
		Consent consent = TestConsents.inStatus(ID, ConsentStatus.ACTIVE, TestConsents.accountRequest(), EXPIRES_AT);
		given(this.store.find(ID)).willReturn(Optional.of(consent));
		given(this.store.moveRunning(any(), any(), any())).willReturn(false);
		assertThatExceptionOfType(ConsentTransitionException.class)
			.isThrownBy(() -> this.consents.revokeByCustomer(ID, "alice"));
	}

	@Test
	@DisplayName("DESIGN: the bank suspends and resumes without recording a revocation")
	void suspendWhenActiveThenNoRevocationRecorded() {
		given(this.store.find(ID)).willReturn(Optional
			.of(TestConsents.inStatus(ID, ConsentStatus.ACTIVE, TestConsents.accountRequest(), EXPIRES_AT)));
		given(this.store.moveRunning(any(), any(), isNull())).willReturn(true);
		assertThat(this.consents.suspend(ID).status()).isEqualTo(ConsentStatus.SUSPENDED);
	}

	private static Consent move(Consent consent, ConsentStatus to) {
		return switch (to) {
			case ACTIVE -> (consent.status() == ConsentStatus.AWAITING_AUTHORIZATION)
					? consent.activate("alice", consent.grantedResources(), BEFORE_EXPIRY, EXPIRES_AT)
					: consent.resume(BEFORE_EXPIRY);
			case DENIED -> consent.deny("alice", BEFORE_EXPIRY);
			case SUSPENDED -> consent.suspend(BEFORE_EXPIRY);
			case REVOKED -> consent.revoke(BEFORE_EXPIRY);
			case EXPIRED -> consent.expire(EXPIRES_AT);
			case AWAITING_AUTHORIZATION -> throw new IllegalArgumentException("nothing moves back to the start");
		};
	}

}
