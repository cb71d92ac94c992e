package com.consentry.audit;

import org.jspecify.annotations.Nullable;

/**
 * What a walk of the audit chain found.
 *
 * @param intact whether every record and checkpoint holds
 * @param records how many records were walked
 * @param checkpoints how many signed checkpoints were checked
 * @param firstBroken the first record that does not hold (its {@code seq}), when broken
 * @param problem what is wrong with it, when broken
 */
public record ChainVerification(boolean intact, long records, int checkpoints, @Nullable Long firstBroken,
		@Nullable String problem) {

	static ChainVerification intact(long records, int checkpoints) {
		return new ChainVerification(true, records, checkpoints, null, null);
	}

	static ChainVerification broken(long records, int checkpoints, long firstBroken, String problem) {
		return new ChainVerification(false, records, checkpoints, firstBroken, problem);
	}

	/** One line for an operator. */
	public String summary() {
		return this.intact
				? "Audit chain intact: " + this.records + " records, " + this.checkpoints + " signed checkpoints"
				: "Audit chain BROKEN at record " + this.firstBroken + ": " + this.problem;
	}

}
