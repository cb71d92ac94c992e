package com.consentry.registry;

import java.util.Optional;

import com.consentry.registry.internal.PartnerStore;

import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

/**
 * Looks up registered partners by {@code client_id}; the authorization server refuses
 * clients whose partner is not {@link PartnerStatus#ACTIVE}.
 */
@Service
public final class Partners {

	private final PartnerStore store;

	public Partners(PartnerStore store) {
		Assert.notNull(store, "store cannot be null");
		this.store = store;
	}

	public Optional<Partner> find(String clientId) {
		if (clientId == null || clientId.isBlank()) {
			return Optional.empty();
		}
		return this.store.find(clientId);
	}

	/**
	 * Whether the client belongs to an ACTIVE partner. Fails closed: an unknown client is
	 * not active.
	 */
	public boolean isActive(String clientId) {
		return find(clientId).map(Partner::isActive).orElse(false);
	}

}
