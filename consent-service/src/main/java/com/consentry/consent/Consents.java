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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The consent lifecycle as the authorization flow drives it: requested at PAR, approved
 * or denied by the customer on the consent page, read when tokens are issued and
 * introspected.
 */
@Service
public class Consents {

	private final ConsentStore store;

	private final CustomerAccounts customerAccounts;

	private final ConsentLimits limits;

	private final Clock clock;

	public Consents(ConsentStore store, CustomerAccounts customerAccounts, ConsentLimits limits, Clock clock) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(customerAccounts, "customerAccounts cannot be null");
		Assert.notNull(limits, "limits cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.store = store;
		this.customerAccounts = customerAccounts;
		this.limits = limits;
		this.clock = clock;
	}

	/** Records a consent requested by a partner at PAR, awaiting the customer. */
	@Transactional
	public Consent request(ConsentId id, String clientId, ConsentRequest request) {
		Instant now = this.clock.instant();
		Consent consent = new Consent(id, clientId, null, ConsentStatus.AWAITING_AUTHORIZATION, request, List.of(), now,
				null, null, now);
		this.store.insert(consent);
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
	 * @throws ConsentRefusedException when the consent is not awaiting authorization, no
	 * account was chosen though accounts were requested, or an account is not the
	 * customer's
	 */
	@Transactional
	public Consent approve(ConsentId id, String customerId, List<String> accountIds) {
		Consent consent = this.store.findForUpdate(id)
			.orElseThrow(() -> new ConsentRefusedException("no such consent"));
		if (consent.status() != ConsentStatus.AWAITING_AUTHORIZATION) {
			throw new ConsentRefusedException("the consent is not awaiting authorization");
		}
		Set<String> chosen = new LinkedHashSet<>(accountIds);
		Set<DataCluster> accountClusters = consent.request().clustersFor(ResourceType.ACCOUNT);
		Set<String> held = this.customerAccounts.accountsOf(customerId)
			.stream()
			.map(CustomerAccounts.AccountSummary::accountId)
			.collect(Collectors.toSet());
		if (!held.containsAll(chosen)) {
			throw new ConsentRefusedException("an account chosen is not held by the customer");
		}
		if (!accountClusters.isEmpty() && chosen.isEmpty()) {
			throw new ConsentRefusedException("choose at least one account to share");
		}
		if (accountClusters.isEmpty() && !chosen.isEmpty()) {
			throw new ConsentRefusedException("this request asks for no account data");
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
		Consent active = new Consent(consent.id(), consent.clientId(), customerId, ConsentStatus.ACTIVE,
				consent.request(), granted, consent.createdAt(), now, expiry(consent.request(), now), now);
		this.store.update(active);
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
				Instant now = this.clock.instant();
				this.store.update(new Consent(consent.id(), consent.clientId(), customerId, ConsentStatus.DENIED,
						consent.request(), List.of(), consent.createdAt(), null, null, now));
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
		return this.store.revokeAllOfClient(clientId, new ConsentRevocation(ConsentUpdateReason.BUSINESS_RULE,
				PartyType.DATA_PROVIDER, this.clock.instant()));
	}

	/**
	 * How the consent was revoked, if it was (FDX {@code GET
	 * /consents/{consentId}/revocation}).
	 */
	public Optional<ConsentRevocation> revocation(ConsentId id) {
		return this.store.findRevocation(id);
	}

	private Instant expiry(ConsentRequest request, Instant authorizedAt) {
		return switch (request.durationType()) {
			case ONE_TIME -> authorizedAt.plus(Duration.ofMinutes(this.limits.oneTimeMinutes()));
			case TIME_BOUND -> authorizedAt.plus(Duration.ofDays(request.durationPeriod()));
			// CFPB 1033.205(b)(2)(ii): collection ends a year after the latest
			// authorization.
			case PERSISTENT -> authorizedAt.plus(Duration.ofDays(this.limits.maxDurationDays()));
		};
	}

}
