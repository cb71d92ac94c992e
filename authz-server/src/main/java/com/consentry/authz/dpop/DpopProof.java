package com.consentry.authz.dpop;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A DPoP proof that passed every check of RFC 9449 §4.3 for the current request.
 *
 * @param jkt the RFC 7638 SHA-256 thumbprint of the proof key, base64url
 * @param jti the proof's unique identifier
 * @param issuedAt the proof's {@code iat}
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-4.3">RFC 9449
 * §4.3</a>
 */
public record DpopProof(String jkt, String jti, Instant issuedAt) {

	private static final String ATTRIBUTE = DpopProof.class.getName();

	/**
	 * The verified proof of the request being handled on this thread, if it carried one.
	 */
	public static Optional<DpopProof> ofCurrentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return Optional.empty();
		}
		return Optional.ofNullable((DpopProof) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
	}

	static String attributeName() {
		return ATTRIBUTE;
	}

	static @Nullable DpopProof from(@Nullable Object attribute) {
		return (attribute instanceof DpopProof proof) ? proof : null;
	}

}
