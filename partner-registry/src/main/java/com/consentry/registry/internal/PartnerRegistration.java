package com.consentry.registry.internal;

import java.time.Instant;

import com.consentry.registry.Partner;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A partner's row in {@code registry.partner}: the partner, where its statement came
 * from, the hash of its registration access token and the metadata returned by RFC 7592
 * reads.
 *
 * @param partner the partner
 * @param softwareId the statement's {@code software_id}, if any
 * @param directoryIssuer the {@code iss} of the statement it registered with
 * @param registrationAccessTokenHash SHA-256 of the registration access token (the token
 * itself is never kept)
 * @param metadataJson the registration response's metadata members, as JSON
 * @param createdAt when the client was registered
 * @param updatedAt when the row last changed
 */
public record PartnerRegistration(Partner partner, @Nullable String softwareId, String directoryIssuer,
		byte[] registrationAccessTokenHash, String metadataJson, Instant createdAt, Instant updatedAt) {

	public PartnerRegistration {
		Assert.notNull(partner, "partner cannot be null");
		Assert.hasText(directoryIssuer, "directoryIssuer cannot be empty");
		Assert.isTrue(registrationAccessTokenHash != null && registrationAccessTokenHash.length == 32,
				"registrationAccessTokenHash must be a SHA-256");
		Assert.hasText(metadataJson, "metadataJson cannot be empty");
		Assert.notNull(createdAt, "createdAt cannot be null");
		Assert.notNull(updatedAt, "updatedAt cannot be null");
		registrationAccessTokenHash = registrationAccessTokenHash.clone();
	}

	@Override
	public byte[] registrationAccessTokenHash() {
		return this.registrationAccessTokenHash.clone();
	}

}
