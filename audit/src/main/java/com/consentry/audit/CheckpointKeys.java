package com.consentry.audit;

/**
 * Where the checkpoint signing keys come from: the application keeps them sealed and
 * publishes their public halves in {@code audit.checkpoint_key}.
 */
public interface CheckpointKeys {

	/** The ES256 key. */
	CheckpointKey es256();

	/** The ML-DSA-65 key. */
	CheckpointKey mlDsa();

}
