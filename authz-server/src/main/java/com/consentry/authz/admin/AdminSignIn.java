package com.consentry.authz.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.consentry.authz.customer.PasswordChecks;
import com.consentry.authz.customer.SignInThrottle;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.Assert;

/**
 * A bank admin's password, the first factor. Built like the customers' sign-in, and
 * sharing its parts: one counted throttle ticket ({@link SignInThrottle}, under names of
 * their own so that an admin's and a customer's budgets never mix) before the password is
 * looked at, one lookup, exactly one Argon2id verification in the server's bounded
 * hashing pool ({@link PasswordChecks}), and the same answer for every kind of failure.
 * <p>
 * The result is the first factor only: the role, {@code FACTOR_PASSWORD}, and what the
 * admin may do next about a passkey (see {@link ConsoleAccess}).
 */
final class AdminSignIn implements AuthenticationProvider {

	static final String FAILED = "sign-in failed";

	// throttle keys are digests of the name: this keeps an admin's from a customer's of
	// the same name
	private static final String THROTTLE_NAME = "bank-admin:";

	private static final int MAX_USERNAME_LENGTH = 100;

	private static final int MAX_PASSWORD_LENGTH = 200;

	private static final String UNKNOWN_ADDRESS = "unknown";

	private final BankAdmins admins;

	private final SignInThrottle throttle;

	private final PasswordChecks passwords;

	private final boolean passkeyRequired;

	private final Clock clock;

	private final String dummyHash;

	AdminSignIn(BankAdmins admins, SignInThrottle throttle, PasswordChecks passwords, boolean passkeyRequired,
			Clock clock) {
		Assert.notNull(admins, "admins cannot be null");
		Assert.notNull(throttle, "throttle cannot be null");
		Assert.notNull(passwords, "passwords cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.admins = admins;
		this.throttle = throttle;
		this.passwords = passwords;
		this.passkeyRequired = passkeyRequired;
		this.clock = clock;
		this.dummyHash = passwords.unmatchableHash();
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
		boolean matches = this.passwords.matches(wellFormed ? password : "", () -> {
			boolean allowed = wellFormed && this.throttle.tryAttempt(THROTTLE_NAME + username, address);
			Optional<BankAdmins.Admin> admin = wellFormed ? this.admins.find(username) : Optional.empty();
			candidate[0] = new Candidate(allowed, admin);
			return (allowed && admin.isPresent()) ? admin.get().passwordHash() : this.dummyHash;
		}, () -> this.throttle.signedIn(THROTTLE_NAME + username, address));
		Optional<BankAdmins.Admin> admin = candidate[0].admin();
		if (!candidate[0].allowed() || admin.isEmpty() || !admin.get().enabled() || !matches) {
			throw new BadCredentialsException(FAILED);
		}
		User principal = (User) User.withUsername(admin.get().username())
			.password("")
			.authorities(ConsoleAccess.BANK_ADMIN)
			.build();
		principal.eraseCredentials();
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		if (!this.admins.hasPasskey(username)) {
			if (!this.passkeyRequired) {
				authorities.add(new SimpleGrantedAuthority(ConsoleAccess.PASSKEY_WAIVED));
			}
			if (!this.passkeyRequired || admin.get().mayEnrolFirstPasskeyAt(this.clock.instant())) {
				authorities.add(new SimpleGrantedAuthority(ConsoleAccess.PASSKEY_ENROLMENT));
			}
		}
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(principal,
				null, authorities);
		signedIn.setDetails(authentication.getDetails());
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private record Candidate(boolean allowed, Optional<BankAdmins.Admin> admin) {
	}

}
