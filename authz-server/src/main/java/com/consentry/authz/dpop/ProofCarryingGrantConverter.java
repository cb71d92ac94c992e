package com.consentry.authz.dpop;

import com.consentry.fapi.dpop.DpopProof;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.Assert;

/**
 * Hands the DPoP proof that {@link DpopProofFilter} verified for a token request to the
 * grant it carries, as one of the grant's parameters: the token's key binding then reads
 * it from the grant ({@link DpopProof#ofGrant}), the one value that travels with the
 * request, not from wherever a filter left it.
 */
final class ProofCarryingGrantConverter implements AuthenticationConverter {

	private final AuthenticationConverter grants;

	ProofCarryingGrantConverter(AuthenticationConverter grants) {
		Assert.notNull(grants, "grants cannot be null");
		this.grants = grants;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		Authentication grant = this.grants.convert(request);
		DpopProof proof = RequestProofs.of(request).orElse(null);
		if (proof == null || !(grant instanceof OAuth2AuthorizationGrantAuthenticationToken token)) {
			return grant;
		}
		Map<String, Object> parameters = new HashMap<>(token.getAdditionalParameters());
		parameters.put(RequestProofs.GRANT_PARAMETER, proof);
		Authentication client = (Authentication) token.getPrincipal();
		if (token instanceof OAuth2AuthorizationCodeAuthenticationToken code) {
			return new OAuth2AuthorizationCodeAuthenticationToken(code.getCode(), client, code.getRedirectUri(),
					parameters);
		}
		if (token instanceof OAuth2RefreshTokenAuthenticationToken refresh) {
			return new OAuth2RefreshTokenAuthenticationToken(refresh.getRefreshToken(), client, refresh.getScopes(),
					parameters);
		}
		return grant;
	}

}
