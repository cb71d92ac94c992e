package com.consentry.authz.customer;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.util.Assert;

/**
 * The customer behind a passkey, for Spring Security's WebAuthn sign-in: named by
 * customer id like a password sign-in, with the customer's role; nobody once the
 * customer's login is gone.
 */
final class PasskeyCustomers implements UserDetailsService {

	private final CustomerLogins logins;

	PasskeyCustomers(CustomerLogins logins) {
		Assert.notNull(logins, "logins cannot be null");
		this.logins = logins;
	}

	@Override
	public UserDetails loadUserByUsername(String customerId) {
		if (!this.logins.hasCustomer(customerId)) {
			throw new UsernameNotFoundException("no such customer");
		}
		return User.withUsername(customerId).password("").authorities(CustomerSignIn.CUSTOMER).build();
	}

}
