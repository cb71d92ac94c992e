package com.consentry.authz.dpop;

import java.util.Optional;

import com.consentry.fapi.dpop.DpopProof;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/**
 * Where the {@link DpopProof} verified for a request travels: a request attribute set by
 * {@link DpopProofFilter}, then a parameter of the token request's grant.
 */
public final class RequestProofs {

	/**
	 * Parameter of a token request's grant under which
	 * {@link ProofCarryingGrantConverter} hands it on.
	 */
	static final String GRANT_PARAMETER = DpopProof.class.getName();

	private static final String ATTRIBUTE = DpopProof.class.getName();

	private RequestProofs() {
	}

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
