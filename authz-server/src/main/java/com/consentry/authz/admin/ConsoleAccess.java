package com.consentry.authz.admin;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.util.Assert;

/**
 * Who may do what in the console, decided on every request from the admin's sign-in (kept
 * in the console's own security context) and, for the console pages, from the admin
 * store: an admin disabled there loses the console at the next request.
 * <p>
 * A console page needs the role {@value #BANK_ADMIN}, the password factor and a second
 * factor: a passkey ({@code FACTOR_WEBAUTHN}), or, only where passkeys are not required
 * (the default run) and the admin has none yet, the waiver {@value #PASSKEY_WAIVED} the
 * password sign-in grants. A passkey alone is not enough: it must follow the password of
 * the same admin in the same session.
 */
public final class ConsoleAccess {

	/** The bank admin's role. */
	public static final String BANK_ADMIN = "ROLE_BANK_ADMIN";

	/**
	 * Granted by the password sign-in when no passkey is required and none exists yet.
	 */
	static final String PASSKEY_WAIVED = "ADMIN_PASSKEY_WAIVED";

	/**
	 * Granted by the password sign-in to an admin without a passkey who may enrol one
	 * now: where passkeys are not required, or within the enrolment window the bank
	 * opened.
	 */
	static final String PASSKEY_ENROLMENT = "ADMIN_PASSKEY_ENROLMENT";

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final BankAdmins admins;

	ConsoleAccess(BankAdmins admins) {
		Assert.notNull(admins, "admins cannot be null");
		this.admins = admins;
	}

	/** The console pages and actions. */
	AuthorizationManager<RequestAuthorizationContext> console() {
		return (authentication, context) -> decision(
				fullySignedIn(authentication.get()) && this.admins.isEnabled(authentication.get().getName()));
	}

	/** The passkey step of the sign-in: an admin whose password was right. */
	AuthorizationManager<RequestAuthorizationContext> passwordChecked() {
		return (authentication, context) -> decision(passwordSignedIn(authentication.get()));
	}

	/**
	 * Enrolling a passkey: a fully signed-in admin, or one whose password sign-in allows
	 * a first enrolment now.
	 */
	AuthorizationManager<RequestAuthorizationContext> passkeyEnrolment() {
		return (authentication, context) -> decision(fullySignedIn(authentication.get())
				|| (passwordSignedIn(authentication.get()) && has(authentication.get(), PASSKEY_ENROLMENT)));
	}

	static boolean passwordSignedIn(@Nullable Authentication authentication) {
		return authentication != null && authentication.isAuthenticated() && !TRUST.isAnonymous(authentication)
				&& has(authentication, BANK_ADMIN) && has(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY);
	}

	static boolean fullySignedIn(@Nullable Authentication authentication) {
		return passwordSignedIn(authentication) && (has(authentication, FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
				|| has(authentication, PASSKEY_WAIVED));
	}

	static boolean passkeySignedIn(@Nullable Authentication authentication) {
		return passwordSignedIn(authentication) && has(authentication, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
	}

	static boolean has(Authentication authentication, String authority) {
		return authorities(authentication).contains(authority);
	}

	private static Set<String> authorities(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet());
	}

	private static AuthorizationDecision decision(boolean granted) {
		return new AuthorizationDecision(granted);
	}

}
