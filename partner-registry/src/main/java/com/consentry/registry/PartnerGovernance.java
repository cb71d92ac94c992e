package com.consentry.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;

import com.consentry.registry.internal.OrganisationStore;
import com.consentry.registry.internal.PartnerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * The bank's decisions about partner organisations: approve, suspend, reactivate, revoke,
 * and their policy. Each decision is one transaction over every client row of the
 * organisation (the status the authorization server and the resource gateway read) and
 * its history; effects are immediate on every instance, since all read the database.
 * Revocation also removes each client's registration and tokens and, through
 * {@link PartnerDeleted}, revokes its consents in the same commit. After the commit a
 * {@link PartnerStatusChanged} or {@link PartnerPolicyChanged} is published.
 */
@Service
public class PartnerGovernance {

	private static final Logger logger = LoggerFactory.getLogger(PartnerGovernance.class);

	private final OrganisationStore organisations;

	private final PartnerStore partners;

	private final TransactionOperations transactions;

	private final ApplicationEventPublisher events;

	private final RegistryProperties properties;

	private final Clock clock;

	public PartnerGovernance(OrganisationStore organisations, PartnerStore partners,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
			RegistryProperties properties, ObjectProvider<Clock> clock) {
		Assert.notNull(organisations, "organisations cannot be null");
		Assert.notNull(partners, "partners cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		this.organisations = organisations;
		this.partners = partners;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** PENDING → ACTIVE: the organisation's clients may obtain authorizations. */
	public PartnerStatusChange approve(String orgId, String actor, String reason) {
		return move(orgId, PartnerStatus.ACTIVE, actor, reason, PartnerStatus.PENDING);
	}

	/**
	 * ACTIVE → SUSPENDED: no new PAR, token or refresh; its tokens are inactive at
	 * introspection; its consents are kept.
	 */
	public PartnerStatusChange suspend(String orgId, String actor, String reason) {
		return move(orgId, PartnerStatus.SUSPENDED, actor, reason, PartnerStatus.ACTIVE);
	}

	/** SUSPENDED → ACTIVE: its unexpired tokens work again. */
	public PartnerStatusChange reactivate(String orgId, String actor, String reason) {
		return move(orgId, PartnerStatus.ACTIVE, actor, reason, PartnerStatus.SUSPENDED);
	}

	/**
	 * PENDING, ACTIVE or SUSPENDED → REVOKED, for good: every consent of its clients is
	 * revoked (FDX {@code BUSINESS_RULE}, initiated by the data provider) with every
	 * token, and its registrations can no longer be used, read or updated.
	 */
	public PartnerStatusChange revoke(String orgId, String actor, String reason) {
		return move(orgId, PartnerStatus.REVOKED, actor, reason, PartnerStatus.PENDING, PartnerStatus.ACTIVE,
				PartnerStatus.SUSPENDED);
	}

	/** The organisation's status changes, oldest first. */
	public List<PartnerStatusChange> history(String orgId) {
		Assert.hasText(orgId, "orgId cannot be empty");
		return this.organisations.history(orgId);
	}

	/**
	 * Sets the organisation's policy; PAR requests beyond it are refused from the moment
	 * it commits, on every instance.
	 * @throws NoSuchElementException when no client of the organisation is registered
	 * @throws IllegalArgumentException when actor or reason is blank
	 */
	public PartnerPolicy updatePolicy(String orgId, PartnerPolicy policy, String actor, String reason) {
		Assert.notNull(policy, "policy cannot be null");
		requireText(orgId, "orgId");
		requireText(actor, "actor");
		requireText(reason, "reason");
		Instant at = now();
		this.transactions.executeWithoutResult((tx) -> {
			this.organisations.lock(orgId);
			if (this.organisations.status(orgId).isEmpty()) {
				throw new NoSuchElementException("No partner organisation " + orgId);
			}
			this.organisations.savePolicy(orgId, policy, at);
		});
		logger.info("Policy of partner {} set by {}: {} ({})", orgId, actor, policy, reason);
		afterCommit(new PartnerPolicyChanged(orgId, policy, actor, reason, at));
		return policy;
	}

	private PartnerStatusChange move(String orgId, PartnerStatus target, String actor, String reason,
			PartnerStatus... allowedFrom) {
		requireText(orgId, "orgId");
		requireText(actor, "actor");
		requireText(reason, "reason");
		Instant at = now();
		PartnerStatusChange change = this.transactions.execute((tx) -> {
			this.organisations.lock(orgId);
			PartnerStatus current = this.organisations.status(orgId)
				.orElseThrow(() -> new NoSuchElementException("No partner organisation " + orgId));
			if (!List.of(allowedFrom).contains(current) || !current.canMoveTo(target)) {
				throw new IllegalPartnerTransitionException(orgId, current, target);
			}
			this.organisations.setStatus(orgId, target, at);
			PartnerStatusChange recorded = new PartnerStatusChange(orgId, current, target, actor.strip(),
					reason.strip(), at);
			this.organisations.recordChange(recorded);
			if (target == PartnerStatus.REVOKED) {
				for (String clientId : this.organisations.clientIds(orgId)) {
					this.partners.removeClient(clientId);
					// The deletion path's listeners revoke the client's consents in this
					// transaction.
					this.events.publishEvent(new PartnerDeleted(clientId));
				}
			}
			return recorded;
		});
		Assert.state(change != null, "no status change recorded");
		logger.info("Partner {} moved from {} to {} by {}: {}", orgId, change.from(), change.to(), actor, reason);
		afterCommit(new PartnerStatusChanged(change));
		return change;
	}

	/**
	 * Publishes now when no transaction surrounds the call (ours has committed), or once
	 * the caller's transaction commits.
	 */
	private void afterCommit(Object event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					PartnerGovernance.this.events.publishEvent(event);
				}
			});
		}
		else {
			this.events.publishEvent(event);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
	}

}
