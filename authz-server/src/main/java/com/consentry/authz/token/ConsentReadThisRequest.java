package com.consentry.authz.token;

import java.util.Optional;

import com.consentry.consent.Consent;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The consent read while serving the current token request, kept for the rest of that
 * request: generating the access token and the refresh token both need it, and it is read
 * from the database once. A cache only: nothing depends on finding a value here
 * ({@link ConsentLookup} reads the consent when it is absent).
 */
final class ConsentReadThisRequest {

	private static final String ATTRIBUTE = ConsentReadThisRequest.class.getName();

	private ConsentReadThisRequest() {
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
