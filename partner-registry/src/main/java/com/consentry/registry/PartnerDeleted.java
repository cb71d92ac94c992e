package com.consentry.registry;

import org.springframework.util.Assert;

/**
 * Published when a partner's registration is deleted (RFC 7592 §2.3), inside the
 * deletion's transaction, so that other modules end what was granted to the client in the
 * same commit. Synchronous listeners join that transaction; an exception from one rolls
 * the deletion back.
 *
 * @param clientId the deleted client's {@code client_id}
 */
public record PartnerDeleted(String clientId) {

	public PartnerDeleted {
		Assert.hasText(clientId, "clientId cannot be empty");
	}

}
