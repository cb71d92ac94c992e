package com.consentry.registry;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One of a software client's public keys, as registered.
 *
 * @param thumbprint its RFC 7638 JWK SHA-256 thumbprint (base64url)
 * @param keyId its {@code kid}, if it has one
 * @param addedAt when the key first appeared in the client's registration
 */
public record PartnerKey(String thumbprint, @Nullable String keyId, Instant addedAt) {

	public PartnerKey {
		Assert.hasText(thumbprint, "thumbprint cannot be empty");
		Assert.notNull(addedAt, "addedAt cannot be null");
	}

}
