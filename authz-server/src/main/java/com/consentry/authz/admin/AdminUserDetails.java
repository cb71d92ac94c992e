package com.consentry.authz.admin;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.util.Assert;

/**
 * The admin behind a passkey, for Spring Security's WebAuthn sign-in: its role, and
 * nothing for a disabled or unknown admin. Passwords are checked by {@link AdminSignIn}
 * only, so none is given here.
 */
final class AdminUserDetails implements UserDetailsService {

	private final BankAdmins admins;

	AdminUserDetails(BankAdmins admins) {
		Assert.notNull(admins, "admins cannot be null");
		this.admins = admins;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (!this.admins.isEnabled(username)) {
			throw new UsernameNotFoundException("no such bank admin");
		}
		return User.withUsername(username).password("").authorities(ConsoleAccess.BANK_ADMIN).build();
	}

}
