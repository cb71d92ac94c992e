package com.consentry.authz.token;

import java.util.Optional;

import com.consentry.consent.Consent;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The consent a token request is being served under, handed from token generation to the
 * token response within one request.
 */
final class GrantedConsent {

	private static final String ATTRIBUTE = GrantedConsent.class.getName();

	private GrantedConsent() {
	}

	static void set(Consent consent) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(ATTRIBUTE, consent, RequestAttributes.SCOPE_REQUEST);
		}
	}

	static Optional<Consent> get() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null)
				? Optional.ofNullable((Consent) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST))
				: Optional.empty();
	}

}
