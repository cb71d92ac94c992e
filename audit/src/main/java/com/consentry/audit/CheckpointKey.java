package com.consentry.audit;

import java.security.PrivateKey;

import org.springframework.util.Assert;

/**
 * A private key checkpoints are signed with.
 *
 * @param kid its id in {@code audit.checkpoint_key}, where its public half is published
 * @param algorithm {@value CheckpointSignatures#ES256} or
 * {@value CheckpointSignatures#ML_DSA}
 * @param privateKey the key
 */
public record CheckpointKey(String kid, String algorithm, PrivateKey privateKey) {

	public CheckpointKey {
		Assert.hasText(kid, "kid cannot be empty");
		Assert.isTrue(CheckpointSignatures.ES256.equals(algorithm) || CheckpointSignatures.ML_DSA.equals(algorithm),
				"algorithm must be ES256 or ML-DSA-65");
		Assert.notNull(privateKey, "privateKey cannot be null");
	}

}
