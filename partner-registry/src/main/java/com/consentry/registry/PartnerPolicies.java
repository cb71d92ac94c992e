package com.consentry.registry;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.consentry.registry.internal.OrganisationStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * The policy each partner is held to, as the authorization server checks it at every
 * pushed authorization request: cached per organisation on this instance, dropped the
 * moment any instance changes it (PostgreSQL channel {@code partner_policy_changed}),
 * read from the database while that channel is not being heard, and never served from
 * memory longer than {@link #TIME_TO_LIVE}.
 */
@Service
public class PartnerPolicies {

	/** The bound should a notification ever be lost while the listener looked healthy. */
	public static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

	private static final int MAXIMUM_SIZE = 10_000;

	private final OrganisationStore organisations;

	private final RegistryProperties properties;

	private final Map<String, Cached> byOrg = new ConcurrentHashMap<>();

	/** Advanced by every eviction: a load that began before one is not cached. */
	private final AtomicLong generation = new AtomicLong();

	private volatile boolean listening;

	public PartnerPolicies(OrganisationStore organisations, RegistryProperties properties) {
		Assert.notNull(organisations, "organisations cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		this.organisations = organisations;
		this.properties = properties;
	}

	/**
	 * The policy of the client's organisation; empty for a client the registry does not
	 * know.
	 */
	public Optional<PartnerPolicy> forClient(String clientId) {
		Assert.notNull(clientId, "clientId cannot be null");
		return this.organisations.orgOf(clientId).map(this::forOrganisation);
	}

	/** The organisation's own policy, or the bank's default. */
	public PartnerPolicy forOrganisation(String orgId) {
		Assert.notNull(orgId, "orgId cannot be null");
		if (!this.listening || TransactionSynchronizationManager.isActualTransactionActive()) {
			return load(orgId);
		}
		long now = System.nanoTime();
		Cached cached = this.byOrg.get(orgId);
		if (cached != null && now - cached.loadedAt() < TIME_TO_LIVE.toNanos()) {
			return cached.policy();
		}
		long generation = this.generation.get();
		PartnerPolicy policy = load(orgId);
		if (generation == this.generation.get()) {
			if (this.byOrg.size() >= MAXIMUM_SIZE) {
				this.byOrg.clear();
			}
			this.byOrg.put(orgId, new Cached(policy, now));
		}
		return policy;
	}

	/** The organisation's policy changed: the next request reads it again. */
	public void evict(String orgId) {
		this.generation.incrementAndGet();
		this.byOrg.remove(orgId);
	}

	/**
	 * Whether changes are being heard; turning it on or off starts the cache over.
	 */
	public void listening(boolean listening) {
		this.generation.incrementAndGet();
		this.byOrg.clear();
		this.listening = listening;
	}

	private PartnerPolicy load(String orgId) {
		return this.organisations.policy(orgId).orElseGet(() -> this.properties.defaultPolicy().policy());
	}

	private record Cached(PartnerPolicy policy, long loadedAt) {
	}

}
