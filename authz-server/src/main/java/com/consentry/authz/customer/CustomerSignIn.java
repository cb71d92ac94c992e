package com.consentry.authz.customer;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;
import com.consentry.authz.audit.CustomerPseudonyms;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.Assert;

/**
 * The customer's sign-in with user name and password. Every attempt does the same work
 * and gets the same answer whether the user name is unknown, the attempt is throttled or
 * the password is wrong: one counted ticket ({@link SignInThrottle}) before the password
 * is looked at, one lookup, and exactly one Argon2 verification (against a dummy hash of
 * the same cost when there is nothing real to check). The password is only ever compared
 * with the stored hash when the throttle let the attempt through.
 * <p>
 * The principal's name is the customer id, so tokens' {@code sub} and consents name the
 * customer, not the login name.
 */
final class CustomerSignIn implements AuthenticationProvider {

	static final String FAILED = "sign-in failed";

	static final String CUSTOMER = "ROLE_CUSTOMER";

	private static final int MAX_USERNAME_LENGTH = 100;

	private static final int MAX_PASSWORD_LENGTH = 200;

	private static final String UNKNOWN_ADDRESS = "unknown";

	private static final String SIGN_IN = "customer.sign_in";

	private final CustomerLogins logins;

	private final SignInThrottle throttle;

	private final PasswordChecks passwords;

	private final String dummyHash;

	private final AuditTrail audit;

	private final CustomerPseudonyms pseudonyms;

	CustomerSignIn(CustomerLogins logins, SignInThrottle throttle, PasswordChecks passwords, String dummyHash,
			AuditTrail audit, CustomerPseudonyms pseudonyms) {
		Assert.notNull(audit, "audit cannot be null");
		Assert.notNull(pseudonyms, "pseudonyms cannot be null");
		this.audit = audit;
		this.pseudonyms = pseudonyms;
		Assert.notNull(logins, "logins cannot be null");
		Assert.notNull(throttle, "throttle cannot be null");
		Assert.notNull(passwords, "passwords cannot be null");
		Assert.hasText(dummyHash, "dummyHash cannot be empty");
		this.logins = logins;
		this.throttle = throttle;
		this.passwords = passwords;
		this.dummyHash = dummyHash;
	}

	/**
	 * A hash of a random password made by {@code encoder}: as costly to check as a real
	 * one, never matched.
	 */
	static String dummyHash(PasswordEncoder encoder) {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return encoder.encode(Base64.getEncoder().encodeToString(random));
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String password = (authentication.getCredentials() instanceof String given) ? given : "";
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails web
				&& web.getRemoteAddress() != null) ? web.getRemoteAddress() : UNKNOWN_ADDRESS;
		boolean wellFormed = !username.isEmpty() && username.length() <= MAX_USERNAME_LENGTH
				&& password.length() <= MAX_PASSWORD_LENGTH;
		Candidate[] candidate = new Candidate[1];
		// The attempt is counted inside the hashing slot: a name never has more attempts
		// in flight than there
		// are slots, so a customer's own burst of good sign-ins is not taken for
		// guessing, and parallel
		// guesses still meet the budget before any of them is checked.
		boolean matches = this.passwords.matches(wellFormed ? password : "", () -> {
			boolean allowed = wellFormed && this.throttle.tryAttempt(username, address);
			Optional<CustomerLogins.StoredLogin> login = wellFormed ? this.logins.find(username) : Optional.empty();
			candidate[0] = new Candidate(allowed, login);
			return (allowed && login.isPresent()) ? login.get().passwordHash() : this.dummyHash;
		}, () -> this.throttle.signedIn(username, address));
		Optional<CustomerLogins.StoredLogin> login = candidate[0].login();
		if (!candidate[0].allowed() || login.isEmpty() || !matches) {
			// named by a pseudonym of the name tried (it may be nobody's); the reason
			// stays
			// in the audit log, the customer sees one answer for every failure
			this.audit.record(AuditEvent
				.of(SIGN_IN, Actor.customer(this.pseudonyms.of(wellFormed ? username : "")), "/login", "failure")
				.withDetails(Map.of("reason",
						!candidate[0].allowed() ? (wellFormed ? "throttled" : "malformed") : "bad_credentials")));
			throw new BadCredentialsException(FAILED);
		}
		this.audit.record(AuditEvent.of(SIGN_IN, Actor.customer(this.pseudonyms.of(login.get().customerId())), "/login",
				"success"));
		User customer = (User) User.withUsername(login.get().customerId()).password("").authorities(CUSTOMER).build();
		customer.eraseCredentials();
		// the password factor carries the sign-in time, which ID tokens report as
		// auth_time
		List<GrantedAuthority> authorities = new ArrayList<>(customer.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(customer, null,
				authorities);
		signedIn.setDetails(authentication.getDetails());
		return signedIn;
	}

	private record Candidate(boolean allowed, Optional<CustomerLogins.StoredLogin> login) {
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
