package com.consentry.consent;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A consent: who asked (the partner's {@code clientId}), who granted ({@code customerId},
 * once approved), what was asked and what was granted, and until when. The consent guards
 * its own lifecycle: every move below checks {@link ConsentStatus#mayBecome} against the
 * status the consent has at that instant, and refuses any other with a
 * {@link ConsentTransitionException}.
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

	/**
	 * The status at {@code now}: an ACTIVE or SUSPENDED consent past its expiration time
	 * is EXPIRED, whether or not the expiry job has stored that yet (FDX §1.2: EXPIRED at
	 * {@code expirationTime}).
	 */
	public ConsentStatus statusAt(Instant now) {
		boolean running = this.status == ConsentStatus.ACTIVE || this.status == ConsentStatus.SUSPENDED;
		if (running && (this.expiresAt == null || !now.isBefore(this.expiresAt))) {
			return ConsentStatus.EXPIRED;
		}
		return this.status;
	}

	/** The ids of the resources the customer chose. */
	public List<String> resourceIds() {
		return this.grantedResources.stream().map(GrantedResource::resourceId).toList();
	}

	/**
	 * The customer approved: ACTIVE, bound to the customer and the granted resources,
	 * until {@code expiresAt}.
	 */
	public Consent activate(String customerId, List<GrantedResource> granted, Instant now, Instant expiresAt) {
		Assert.hasText(customerId, "customerId cannot be empty");
		Assert.isTrue(expiresAt.isAfter(now), "expiresAt must be after now");
		require(ConsentStatus.ACTIVE, now);
		return new Consent(this.id, this.clientId, customerId, ConsentStatus.ACTIVE, this.request, granted,
				this.createdAt, now, expiresAt, now);
	}

	/** The customer refused. */
	public Consent deny(String customerId, Instant now) {
		require(ConsentStatus.DENIED, now);
		return new Consent(this.id, this.clientId, customerId, ConsentStatus.DENIED, this.request, List.of(),
				this.createdAt, null, null, now);
	}

	/**
	 * Ended by the customer, the partner or the bank; only a consent still running may be
	 * revoked.
	 */
	public Consent revoke(Instant now) {
		return moveTo(ConsentStatus.REVOKED, now);
	}

	/** Paused by the bank. */
	public Consent suspend(Instant now) {
		return moveTo(ConsentStatus.SUSPENDED, now);
	}

	/** Resumed by the bank, if it has not expired in the meantime. */
	public Consent resume(Instant now) {
		return moveTo(ConsentStatus.ACTIVE, now);
	}

	/** Its time is up; only a running consent at or past its expiration time expires. */
	public Consent expire(Instant now) {
		if (statusAt(now) != ConsentStatus.EXPIRED || !this.status.mayBecome(ConsentStatus.EXPIRED)) {
			throw new ConsentTransitionException(this.id, this.status, ConsentStatus.EXPIRED);
		}
		return withStatus(ConsentStatus.EXPIRED, now);
	}

	private Consent moveTo(ConsentStatus next, Instant now) {
		require(next, now);
		return withStatus(next, now);
	}

	private void require(ConsentStatus next, Instant now) {
		ConsentStatus current = statusAt(now);
		if (!current.mayBecome(next)) {
			throw new ConsentTransitionException(this.id, current, next);
		}
	}

	private Consent withStatus(ConsentStatus next, Instant now) {
		return new Consent(this.id, this.clientId, this.customerId, next, this.request, this.grantedResources,
				this.createdAt, this.authorizedAt, this.expiresAt, now);
	}

}
