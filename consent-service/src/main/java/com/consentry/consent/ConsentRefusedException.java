package com.consentry.consent;

/**
 * A consent state change that the consent's current state does not allow (e.g. approving
 * a consent that is not awaiting authorization, or granting an account the customer does
 * not hold).
 */
public final class ConsentRefusedException extends RuntimeException {

	public ConsentRefusedException(String message) {
		super(message);
	}

}
