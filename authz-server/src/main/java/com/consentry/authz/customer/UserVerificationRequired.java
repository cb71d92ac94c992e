package com.consentry.authz.customer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;

/**
 * The pending passkey challenge as the customers' assertion check reads it: with user
 * verification required, so that an assertion whose authenticator did not verify the
 * customer (PIN, biometrics; the UV flag, WebAuthn L3 §7.2) is refused. A customer's
 * passkey replaces the password, so possession of the device alone is not enough. The
 * options the browser got ask for the same (the passkey script requires it); Spring's
 * options filter, which cannot be told, stores them as {@code preferred}.
 */
final class UserVerificationRequired implements PublicKeyCredentialRequestOptionsRepository {

	private final PublicKeyCredentialRequestOptionsRepository session = new HttpSessionPublicKeyCredentialRequestOptionsRepository();

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			@Nullable PublicKeyCredentialRequestOptions options) {
		this.session.save(request, response, options);
	}

	@Override
	public @Nullable PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
		PublicKeyCredentialRequestOptions stored = this.session.load(request);
		if (stored == null) {
			return null;
		}
		return PublicKeyCredentialRequestOptions.builder()
			.challenge(stored.getChallenge())
			.timeout(stored.getTimeout())
			.rpId(stored.getRpId())
			.allowCredentials(stored.getAllowCredentials())
			.extensions(stored.getExtensions())
			.userVerification(UserVerificationRequirement.REQUIRED)
			.build();
	}

}
