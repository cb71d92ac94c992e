package com.consentry.authz.customer;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * The server is too busy hashing passwords to check this sign-in now; the customer is
 * asked to try again.
 *
 * @see SignInFailureHandler
 */
public final class SignInBusyException extends AuthenticationServiceException {

	SignInBusyException() {
		super("too many sign-ins at once");
	}

}
