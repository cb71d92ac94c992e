package com.consentry.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.consentry.consent.internal.ConsentStore;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The consent lifecycle: requested at PAR, approved or denied by the customer on the
 * consent page, read when tokens are issued and introspected, revoked by the customer,
 * the partner or the bank, suspended and resumed by the bank, expired by time. The
 * aggregate ({@link Consent}) decides whether a move is allowed; the store applies it
 * with one conditional statement; a revocation publishes {@link ConsentRevoked} in its
 * transaction.
 */
@Service
public class Consents {

	private final ConsentStore store;

	private final CustomerAccounts customerAccounts;

	private final ConsentLimits limits;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	public Consents(ConsentStore store, CustomerAccounts customerAccounts, ConsentLimits limits,
			ApplicationEventPublisher events, Clock clock) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(customerAccounts, "customerAccounts cannot be null");
		Assert.notNull(limits, "limits cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.store = store;
		this.customerAccounts = customerAccounts;
		this.limits = limits;
		this.events = events;
		this.clock = clock;
	}

	/** Records a consent requested by a partner at PAR, awaiting the customer. */
	@Transactional
	public Consent request(ConsentId id, String clientId, ConsentRequest request) {
		Instant now = this.clock.instant();
		Consent consent = new Consent(id, clientId, null, ConsentStatus.AWAITING_AUTHORIZATION, request, List.of(), now,
				null, null, now);
		this.store.insert(consent);
		this.events.publishEvent(new ConsentStatusChanged(id, clientId, null, null, consent.status(), now));
		return consent;
	}

	public Optional<Consent> find(ConsentId id) {
		return this.store.find(id);
	}

	/**
	 * Whether the consent exists and is ACTIVE now. Fails closed: unknown means not
	 * active.
	 */
	public boolean isActive(ConsentId id) {
		return this.store.find(id).map((consent) -> consent.isActiveAt(this.clock.instant())).orElse(false);
	}

	/**
	 * The customer approves, choosing accounts. The consent becomes ACTIVE, bound to the
	 * customer and to exactly the chosen accounts (each with the account clusters
	 * requested).
	 * @throws IllegalConsentChangeException when the consent is not awaiting
	 * authorization, no account was chosen though accounts were requested, or an account
	 * is not the customer's
	 */
	@Transactional
	public Consent approve(ConsentId id, String customerId, List<String> accountIds) {
		Consent consent = this.store.findForUpdate(id)
			.orElseThrow(() -> new IllegalConsentChangeException("no such consent"));
		if (consent.status() != ConsentStatus.AWAITING_AUTHORIZATION) {
			throw new IllegalConsentChangeException("the consent is not awaiting authorization");
		}
		Set<String> chosen = new LinkedHashSet<>(accountIds);
		Set<DataCluster> accountClusters = consent.request().clustersFor(ResourceType.ACCOUNT);
		Set<String> held = this.customerAccounts.accountsOf(customerId)
			.stream()
			.map(CustomerAccounts.AccountSummary::accountId)
			.collect(Collectors.toSet());
		if (!held.containsAll(chosen)) {
			throw new IllegalConsentChangeException("an account chosen is not held by the customer");
		}
		if (!accountClusters.isEmpty() && chosen.isEmpty()) {
			throw new IllegalConsentChangeException("choose at least one account to share");
		}
		if (accountClusters.isEmpty() && !chosen.isEmpty()) {
			throw new IllegalConsentChangeException("this request asks for no account data");
		}
		List<GrantedResource> granted = new ArrayList<>();
		for (String accountId : chosen) {
			granted.add(new GrantedResource(ResourceType.ACCOUNT, accountId, accountClusters));
		}
		Set<DataCluster> customerClusters = consent.request().clustersFor(ResourceType.CUSTOMER);
		if (!customerClusters.isEmpty()) {
			granted.add(new GrantedResource(ResourceType.CUSTOMER, customerId, customerClusters));
		}
		Instant now = this.clock.instant();
		Consent active = consent.activate(customerId, granted, now, expiry(consent.request(), now));
		if (!this.store.update(active, consent.status())) {
			throw new ConsentTransitionException(id, consent.status(), ConsentStatus.ACTIVE);
		}
		this.events.publishEvent(
				new ConsentStatusChanged(id, consent.clientId(), customerId, consent.status(), active.status(), now));
		return active;
	}

	/**
	 * The customer refuses. A consent that is no longer awaiting authorization is left as
	 * it is.
	 */
	@Transactional
	public void deny(ConsentId id, String customerId) {
		this.store.findForUpdate(id)
			.filter((consent) -> consent.status() == ConsentStatus.AWAITING_AUTHORIZATION)
			.ifPresent((consent) -> {
				Consent denied = consent.deny(customerId, this.clock.instant());
				if (this.store.update(denied, consent.status())) {
					this.events.publishEvent(new ConsentStatusChanged(id, consent.clientId(), customerId,
							consent.status(), denied.status(), denied.updatedAt()));
				}
			});
	}

	/**
	 * The bank ends every consent of a partner whose registration is deleted: each ACTIVE
	 * consent, and each still awaiting the customer, becomes REVOKED with reason
	 * {@link ConsentUpdateReason#BUSINESS_RULE} and initiator
	 * {@link PartyType#DATA_PROVIDER}. Joins the caller's transaction, so the deletion
	 * and the revocation commit or fail together. Tokens stop working with the consent
	 * (introspection and refresh check its state).
	 * @param clientId the partner's {@code client_id}
	 * @return how many consents were revoked
	 */
	@Transactional
	public int revokeAllOfDeletedPartner(String clientId) {
		Assert.hasText(clientId, "clientId cannot be empty");
		List<ConsentRevoked> revoked = this.store.revokeAllOfClient(clientId, new ConsentRevocation(
				ConsentUpdateReason.BUSINESS_RULE, PartyType.DATA_PROVIDER, this.clock.instant()));
		revoked.forEach(this.events::publishEvent);
		return revoked.size();
	}

	/**
	 * The partner holding the consent revokes it (FDX {@code PUT
	 * /consents/{consentId}/revocation}).
	 * @param initiator who asked the partner to, e.g. {@link PartyType#DATA_RECIPIENT}
	 * itself or the {@link PartyType#INDIVIDUAL} in the partner's app; never the data
	 * provider, for which the partner cannot speak
	 * @throws ConsentNotFoundException when the consent is unknown, not granted, or
	 * another partner's
	 * @throws ConsentTransitionException when the consent is no longer running (FDX: 409)
	 */
	@Transactional
	public Consent revokeByPartner(ConsentId id, String clientId, ConsentUpdateReason reason, PartyType initiator) {
		Assert.isTrue(initiator != PartyType.DATA_PROVIDER, "a partner cannot revoke as the data provider");
		Consent consent = findOfPartner(id, clientId).orElseThrow(ConsentNotFoundException::new);
		return revoke(consent, new ConsentRevocation(reason, initiator, this.clock.instant()),
				RevocationChannel.PARTNER);
	}

	/**
	 * The customer who granted the consent revokes it on the bank's page (CFPB
	 * 1033.331(e)).
	 * @throws ConsentNotFoundException when the consent is unknown or another customer's
	 * @throws ConsentTransitionException when the consent is no longer running
	 */
	@Transactional
	public Consent revokeByCustomer(ConsentId id, String customerId) {
		Consent consent = findOfCustomer(id, customerId).orElseThrow(ConsentNotFoundException::new);
		return revoke(consent,
				new ConsentRevocation(ConsentUpdateReason.USER_ACTION, PartyType.INDIVIDUAL, this.clock.instant()),
				RevocationChannel.CUSTOMER);
	}

	/**
	 * A bank administrator revokes a consent (the admin console's action).
	 * @throws ConsentNotFoundException when no granted consent has this id
	 * @throws ConsentTransitionException when the consent is no longer running
	 */
	@Transactional
	public Consent revokeByBank(ConsentId id, ConsentUpdateReason reason) {
		Consent consent = this.store.find(id)
			.filter((found) -> found.status().isGranted())
			.orElseThrow(ConsentNotFoundException::new);
		return revoke(consent, new ConsentRevocation(reason, PartyType.DATA_PROVIDER, this.clock.instant()),
				RevocationChannel.BANK);
	}

	/** The bank pauses a consent: no token works until it is resumed. */
	@Transactional
	public Consent suspend(ConsentId id) {
		Consent consent = this.store.find(id).orElseThrow(ConsentNotFoundException::new);
		return announce(consent.status(), move(consent, consent.suspend(this.clock.instant()), null));
	}

	/** The bank resumes a suspended consent that has not expired meanwhile. */
	@Transactional
	public Consent resume(ConsentId id) {
		Consent consent = this.store.find(id).orElseThrow(ConsentNotFoundException::new);
		return announce(consent.status(), move(consent, consent.resume(this.clock.instant()), null));
	}

	/**
	 * Expires every running consent whose time is up, in batches of {@code batchSize},
	 * each batch its own statement; safe to run on several instances at once.
	 * @return how many consents were expired
	 */
	public int expireDue(int batchSize) {
		Assert.isTrue(batchSize > 0, "batchSize must be positive");
		int total = 0;
		int expired;
		do {
			List<ConsentStatusChanged> batch = this.store.expireDue(this.clock.instant(), batchSize);
			batch.forEach(this.events::publishEvent);
			expired = batch.size();
			total += expired;
		}
		while (expired == batchSize);
		return total;
	}

	/**
	 * The partner's granted consent with this id; empty for another partner's, an
	 * unanswered or unknown one.
	 */
	public Optional<Consent> findOfPartner(ConsentId id, String clientId) {
		return this.store.find(id)
			.filter((consent) -> consent.clientId().equals(clientId) && consent.status().isGranted());
	}

	/**
	 * The customer's granted consent with this id; empty for another customer's or an
	 * unknown one.
	 */
	public Optional<Consent> findOfCustomer(ConsentId id, String customerId) {
		return this.store.find(id)
			.filter((consent) -> customerId.equals(consent.customerId()) && consent.status().isGranted());
	}

	/** Every consent the customer granted, whatever became of it since, newest first. */
	public List<Consent> grantedBy(String customerId) {
		Assert.hasText(customerId, "customerId cannot be empty");
		return this.store.findGrantedTo(customerId);
	}

	/**
	 * The clock the lifecycle runs on, for callers that show a consent's status at this
	 * instant.
	 */
	public Instant now() {
		return this.clock.instant();
	}

	private Consent announce(ConsentStatus from, Consent changed) {
		this.events.publishEvent(new ConsentStatusChanged(changed.id(), changed.clientId(), changed.customerId(), from,
				changed.status(), changed.updatedAt()));
		return changed;
	}

	private Consent revoke(Consent consent, ConsentRevocation revocation, RevocationChannel channel) {
		Consent revoked = move(consent, consent.revoke(revocation.updatedTime()), revocation);
		this.events.publishEvent(
				new ConsentRevoked(consent.id(), consent.clientId(), consent.customerId(), revocation, channel));
		return revoked;
	}

	private Consent move(Consent current, Consent next, @Nullable ConsentRevocation revocation) {
		if (!this.store.moveRunning(next, current.status(), revocation)) {
			// changed (or expired) since it was read: report what it is now
			ConsentStatus now = this.store.find(current.id())
				.map((stored) -> stored.statusAt(next.updatedAt()))
				.orElse(current.status());
			throw new ConsentTransitionException(current.id(), now, next.status());
		}
		return next;
	}

	/**
	 * How the consent was revoked, if it was (FDX {@code GET
	 * /consents/{consentId}/revocation}).
	 */
	public Optional<ConsentRevocation> revocation(ConsentId id) {
		return this.store.findRevocation(id);
	}

	/**
	 * The earlier of what was asked and the cap, for every duration type. CFPB
	 * 1033.421(b)(2): collection ends a year after the latest authorization
	 * ({@code consentry.consent.max-duration-days}, at most 365). A ONE_TIME consent
	 * lasts its token exchange window ({@code consentry.consent.one-time-minutes}): long
	 * enough to redeem the code and make its calls, and it gets no refresh token.
	 */
	Instant expiry(ConsentRequest request, Instant authorizedAt) {
		Instant cap = authorizedAt.plus(Duration.ofDays(this.limits.maxDurationDays()));
		Instant asked = switch (request.durationType()) {
			case ONE_TIME -> authorizedAt.plus(Duration.ofMinutes(this.limits.oneTimeMinutes()));
			case TIME_BOUND -> authorizedAt.plus(Duration.ofDays(request.durationPeriod()));
			case PERSISTENT -> cap;
		};
		return asked.isBefore(cap) ? asked : cap;
	}

}
