package com.consentry.authz.admin;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in pages: the password form, the passkey step, and the admin's
 * passkeys (where one is enrolled). The passkey ceremonies run in
 * {@code /js/passkeys.js}; everything else works without JavaScript.
 */
@Controller
final class AdminSignInPages {

	private final BankAdmins admins;

	private final PublicKeyCredentialUserEntityRepository passkeyUsers;

	private final UserCredentialRepository passkeys;

	private final AdminProperties properties;

	AdminSignInPages(BankAdmins admins, PublicKeyCredentialUserEntityRepository passkeyUsers,
			UserCredentialRepository passkeys, AdminProperties properties) {
		Assert.notNull(admins, "admins cannot be null");
		Assert.notNull(passkeyUsers, "passkeyUsers cannot be null");
		Assert.notNull(passkeys, "passkeys cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		this.admins = admins;
		this.passkeyUsers = passkeyUsers;
		this.passkeys = passkeys;
		this.properties = properties;
	}

	@GetMapping(AdminSecurityConfiguration.SIGN_IN)
	String signIn(@RequestParam(name = "error", required = false) @Nullable String error,
			@RequestParam(name = "signedOut", required = false) @Nullable String signedOut, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (error != null) {
			model.addAttribute("error", "The user name or password is not right, or sign-in is paused after "
					+ "several failed attempts. Try again later if you are sure of your password.");
		}
		model.addAttribute("signedOut", signedOut != null);
		return "admin/login";
	}

	@GetMapping(AdminSecurityConfiguration.PASSKEY_STEP)
	String passkeyStep(Authentication authentication, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String username = authentication.getName();
		model.addAttribute("username", username);
		model.addAttribute("hasPasskey", this.admins.hasPasskey(username));
		model.addAttribute("mayEnrol", ConsoleAccess.has(authentication, ConsoleAccess.PASSKEY_ENROLMENT));
		model.addAttribute("signedIn", ConsoleAccess.fullySignedIn(authentication));
		model.addAttribute("optionsUrl", AdminPasskeyEndpoints.SIGN_IN_OPTIONS);
		model.addAttribute("signInUrl", AdminPasskeyEndpoints.SIGN_IN);
		return "admin/passkey";
	}

	@GetMapping(AdminSecurityConfiguration.PASSKEYS)
	String passkeys(Authentication authentication, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String username = authentication.getName();
		PublicKeyCredentialUserEntity user = this.passkeyUsers.findByUsername(username);
		List<Passkey> enrolled = (user == null) ? List.of()
				: this.passkeys.findByUserId(user.getId()).stream().map(Passkey::of).toList();
		model.addAttribute("username", username);
		model.addAttribute("passkeys", enrolled);
		model.addAttribute("signedIn", ConsoleAccess.fullySignedIn(authentication));
		model.addAttribute("passkeyRequired", this.properties.passkeyRequired());
		model.addAttribute("optionsUrl", AdminPasskeyEndpoints.REGISTER_OPTIONS);
		model.addAttribute("registerUrl", AdminPasskeyEndpoints.REGISTER);
		return "admin/passkeys";
	}

	/**
	 * A passkey as the page lists it.
	 *
	 * @param label the name the admin gave it
	 * @param created when it was enrolled
	 * @param lastUsed when it last signed in
	 */
	public record Passkey(String label, @Nullable Instant created, @Nullable Instant lastUsed) {

		static Passkey of(CredentialRecord record) {
			return new Passkey(record.getLabel(), record.getCreated(), record.getLastUsed());
		}

	}

}
