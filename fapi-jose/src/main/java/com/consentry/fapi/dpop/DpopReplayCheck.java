package com.consentry.fapi.dpop;

import java.time.Instant;

/**
 * Where a server remembers the proofs it accepted (RFC 9449 §11.1). To refuse a proof
 * replayed at another instance, an implementation keeps them in a store every instance
 * shares and decides atomically there.
 */
@FunctionalInterface
public interface DpopReplayCheck {

	/**
	 * Records the use of proof {@code jti} signed by key {@code jkt} and tells whether it
	 * is the first: of two concurrent calls with one value, exactly one gets
	 * {@code true}.
	 * @param keepUntil when the proof could no longer be accepted anyway
	 */
	boolean firstUse(String jkt, String jti, Instant keepUntil);

}
