package com.consentry.consent;

/**
 * A consent state change that the consent's current state does not allow (e.g. approving
 * a consent that is not awaiting authorization, or granting an account the customer does
 * not hold).
 *
 * @see ConsentTransitionException
 */
public class IllegalConsentChangeException extends RuntimeException {

	public IllegalConsentChangeException(String message) {
		super(message);
	}

}
