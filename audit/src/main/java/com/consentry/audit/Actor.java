package com.consentry.audit;

import org.springframework.util.Assert;

/**
 * Who acted: a partner by {@code client_id}, a customer by a pseudonym (never the
 * customer id), a bank admin by user name, or the platform itself.
 *
 * @param kind what kind of actor
 * @param id the actor's identifier of that kind
 */
public record Actor(Kind kind, String id) {

	public Actor {
		Assert.notNull(kind, "kind cannot be null");
		Assert.hasText(id, "id cannot be empty");
	}

	public static Actor partner(String clientId) {
		return new Actor(Kind.PARTNER, clientId);
	}

	public static Actor customer(String pseudonym) {
		return new Actor(Kind.CUSTOMER, pseudonym);
	}

	public static Actor admin(String username) {
		return new Actor(Kind.ADMIN, username);
	}

	public static Actor system(String component) {
		return new Actor(Kind.SYSTEM, component);
	}

	/** A caller who did not (or could not) authenticate. */
	public static Actor anonymous() {
		return new Actor(Kind.ANONYMOUS, "anonymous");
	}

	/** The kinds of actor. */
	public enum Kind {

		PARTNER, CUSTOMER, ADMIN, SYSTEM, ANONYMOUS

	}

}
