package com.consentry.consent;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A consent: who asked (the partner's {@code clientId}), who granted ({@code customerId},
 * once approved), what was asked and what was granted, and until when.
 */
public record Consent(ConsentId id, String clientId, @Nullable String customerId, ConsentStatus status,
		ConsentRequest request, List<GrantedResource> grantedResources, Instant createdAt,
		@Nullable Instant authorizedAt, @Nullable Instant expiresAt, Instant updatedAt) {

	public Consent {
		grantedResources = List.copyOf(grantedResources);
	}

	/**
	 * Whether tokens may be issued and used under this consent at {@code now}. Fails
	 * closed: an ACTIVE consent without an expiration time (which the lifecycle never
	 * creates) is not active.
	 */
	public boolean isActiveAt(Instant now) {
		return this.status == ConsentStatus.ACTIVE && this.expiresAt != null && now.isBefore(this.expiresAt);
	}

	/** The ids of the resources the customer chose. */
	public List<String> resourceIds() {
		return this.grantedResources.stream().map(GrantedResource::resourceId).toList();
	}

}
