package com.consentry.authz.dpop;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

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

	/**
	 * Parameter of a token request's grant under which
	 * {@link ProofCarryingGrantConverter} hands it on.
	 */
	static final String GRANT_PARAMETER = DpopProof.class.getName();

	private static final String ATTRIBUTE = DpopProof.class.getName();

	/**
	 * The proof {@link DpopProofFilter} verified for {@code request}, if the request
	 * carried one.
	 */
	public static Optional<DpopProof> of(HttpServletRequest request) {
		return Optional.ofNullable(from(request.getAttribute(ATTRIBUTE)));
	}

	/**
	 * The proof verified for the token request that carries {@code grant}, if it carried
	 * one.
	 */
	public static Optional<DpopProof> ofGrant(@Nullable Authentication grant) {
		return (grant instanceof OAuth2AuthorizationGrantAuthenticationToken token)
				? Optional.ofNullable(from(token.getAdditionalParameters().get(GRANT_PARAMETER))) : Optional.empty();
	}

	static String attributeName() {
		return ATTRIBUTE;
	}

	static @Nullable DpopProof from(@Nullable Object value) {
		return (value instanceof DpopProof proof) ? proof : null;
	}

}
