package com.consentry.registry;

import java.time.Instant;
import java.util.List;

import org.springframework.util.Assert;

/**
 * One software client of a partner organisation.
 *
 * @param clientId its {@code client_id}
 * @param clientName its {@code client_name}
 * @param redirectUris its registered redirect URIs
 * @param keys its registered public keys (those inline in {@code jwks}; a client with a
 * {@code jwks_uri} lists the keys seen there)
 * @param registeredAt when it registered
 */
public record PartnerSoftware(String clientId, String clientName, List<String> redirectUris, List<PartnerKey> keys,
		Instant registeredAt) {

	public PartnerSoftware {
		Assert.hasText(clientId, "clientId cannot be empty");
		Assert.hasText(clientName, "clientName cannot be empty");
		Assert.notNull(registeredAt, "registeredAt cannot be null");
		redirectUris = List.copyOf(redirectUris);
		keys = List.copyOf(keys);
	}

}
