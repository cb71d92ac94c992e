package com.consentry.authz.passkeys;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The pending passkey enrolment's options (its challenge above all) in the HTTP session,
 * between the options request and the registration. Sessions live in PostgreSQL (Spring
 * Session JDBC, shared by every instance) and are serialized, but Spring Security's
 * creation options are not serializable: they are kept as a serializable copy of their
 * parts and rebuilt when the registration comes.
 */
public final class SessionPasskeyEnrolments implements PublicKeyCredentialCreationOptionsRepository {

	private static final String ATTRIBUTE = SessionPasskeyEnrolments.class.getName();

	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
			PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
			PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
			PublicKeyCredentialParameters.RS1);

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			@Nullable PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		request.getSession().setAttribute(ATTRIBUTE, Pending.of(options));
	}

	@Override
	public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(ATTRIBUTE) instanceof Pending pending) ? pending.options()
				: null;
	}

	/** The options' parts, each serializable. */
	private record Pending(String rpId, String rpName, PublicKeyCredentialUserEntity user, Bytes challenge,
			List<Long> algorithms, @Nullable Duration timeout, List<PublicKeyCredentialDescriptor> excluded,
			@Nullable AuthenticatorAttachment attachment, @Nullable String residentKey,
			@Nullable UserVerificationRequirement userVerification, @Nullable String attestation,
			@Nullable AuthenticationExtensionsClientInputs extensions) implements Serializable {

		static Pending of(PublicKeyCredentialCreationOptions options) {
			AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
			return new Pending(options.getRp().getId(), options.getRp().getName(), options.getUser(),
					options.getChallenge(),
					options.getPubKeyCredParams().stream().map((p) -> p.getAlg().getValue()).toList(),
					options.getTimeout(), new ArrayList<>(options.getExcludeCredentials()),
					(selection != null) ? selection.getAuthenticatorAttachment() : null,
					(selection != null && selection.getResidentKey() != null) ? selection.getResidentKey().getValue()
							: null,
					(selection != null) ? selection.getUserVerification() : null,
					(options.getAttestation() != null) ? options.getAttestation().getValue() : null,
					options.getExtensions());
		}

		PublicKeyCredentialCreationOptions options() {
			AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection = AuthenticatorSelectionCriteria
				.builder();
			if (this.attachment != null) {
				selection.authenticatorAttachment(this.attachment);
			}
			if (this.residentKey != null) {
				selection.residentKey(ResidentKeyRequirement.valueOf(this.residentKey));
			}
			if (this.userVerification != null) {
				selection.userVerification(this.userVerification);
			}
			PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder options = PublicKeyCredentialCreationOptions
				.builder()
				.rp(PublicKeyCredentialRpEntity.builder().id(this.rpId).name(this.rpName).build())
				.user(this.user)
				.challenge(this.challenge)
				.pubKeyCredParams(this.algorithms.stream().flatMap(Pending::algorithm).toList())
				.excludeCredentials(this.excluded)
				.authenticatorSelection(selection.build());
			if (this.timeout != null) {
				options.timeout(this.timeout);
			}
			if (this.attestation != null) {
				options.attestation(AttestationConveyancePreference.valueOf(this.attestation));
			}
			if (this.extensions != null) {
				options.extensions(this.extensions);
			}
			return options.build();
		}

		private static Stream<PublicKeyCredentialParameters> algorithm(long value) {
			return ALGORITHMS.stream().filter((p) -> p.getAlg().getValue() == value).limit(1);
		}

	}

}
