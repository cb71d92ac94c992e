package com.consentry.registry;

import org.springframework.util.Assert;

/**
 * Published after a partner's registration was deleted (RFC 7592 §2.3), once the deletion is committed,
 * so that other modules can end what was granted to the client.
 *
 * @param clientId the deleted client's {@code client_id}
 */
public record PartnerDeleted(String clientId) {

	public PartnerDeleted {
		Assert.hasText(clientId, "clientId cannot be empty");
	}

}
