package com.consentry.authz.customer;

import com.consentry.audit.AuditTrail;
import com.consentry.authz.audit.CustomerPseudonyms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Wires the customer sign-in: the one {@link AuthenticationProvider} of the form login,
 * with its throttle, its bounded password checks and its failure pages.
 */
@Configuration(proxyBeanMethods = false)
public class CustomerSignInConfiguration {

	/** The one bounded pool of password hashing, shared with the bank admins' sign-in. */
	@Bean
	PasswordChecks passwordChecks(PasswordEncoder encoder, LoginProperties properties) {
		return new PasswordChecks(encoder, properties.concurrentHashes(), properties.hashWait());
	}

	@Bean
	AuthenticationProvider customerSignIn(CustomerLogins logins, SignInThrottle throttle, PasswordEncoder encoder,
			PasswordChecks passwords, AuditTrail audit, CustomerPseudonyms pseudonyms) {
		return new CustomerSignIn(logins, throttle, passwords, CustomerSignIn.dummyHash(encoder), audit, pseudonyms);
	}

	@Bean
	AuthenticationFailureHandler signInFailureHandler() {
		return new SignInFailureHandler("/login");
	}

}
