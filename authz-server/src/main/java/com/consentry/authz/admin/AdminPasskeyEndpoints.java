package com.consentry.authz.admin;

import java.util.List;

import jakarta.servlet.Filter;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsFilter;
import org.springframework.security.web.webauthn.registration.WebAuthnRegistrationFilter;

/**
 * The passkey endpoints of the console. Spring Security's WebAuthn configurer puts its
 * filters at fixed paths outside {@code /admin} ({@code /webauthn/...}) and lets only the
 * sign-in filter be adjusted while it builds; the other three are moved here once the
 * chain is built. Each move insists on finding exactly one filter of its type, so an
 * upgrade that renames or doubles one stops the start instead of leaving a passkey
 * endpoint where the console's chain does not see it.
 */
final class AdminPasskeyEndpoints {

	/** Completing the sign-in with a passkey. */
	static final String SIGN_IN = "/admin/login/webauthn";

	/** The challenge for a passkey sign-in. */
	static final String SIGN_IN_OPTIONS = "/admin/webauthn/authenticate/options";

	/** The challenge for enrolling a passkey. */
	static final String REGISTER_OPTIONS = "/admin/webauthn/register/options";

	/** Enrolling a passkey (POST), removing one (DELETE {@code /{id}}). */
	static final String REGISTER = "/admin/webauthn/register";

	private AdminPasskeyEndpoints() {
	}

	static void moveUnderConsole(List<Filter> filters) {
		only(filters, PublicKeyCredentialRequestOptionsFilter.class)
			.setRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, SIGN_IN_OPTIONS));
		only(filters, PublicKeyCredentialCreationOptionsFilter.class)
			.setRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, REGISTER_OPTIONS));
		WebAuthnRegistrationFilter registration = only(filters, WebAuthnRegistrationFilter.class);
		registration.setRegisterCredentialMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, REGISTER));
		registration
			.setRemoveCredentialMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.DELETE, REGISTER + "/{id}"));
	}

	private static <T extends Filter> T only(List<Filter> filters, Class<T> type) {
		List<T> found = filters.stream().filter(type::isInstance).map(type::cast).toList();
		if (found.size() != 1) {
			throw new IllegalStateException("Spring Security's WebAuthn support has " + found.size() + " "
					+ type.getName() + " where the console expects exactly one; check the passkey endpoints "
					+ "against the upgrade");
		}
		return found.get(0);
	}

}
