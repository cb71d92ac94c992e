package com.consentry.authz.par;

import java.util.HashMap;
import java.util.Map;

import com.consentry.authz.dpop.RequestProofs;
import com.consentry.fapi.dpop.DpopProof;
import com.consentry.consent.ConsentId;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a pushed authorization request with Spring Authorization Server's converter
 * (syntax: presence, single values) and adds what only the server may set: the DPoP key
 * binding and a new consent id.
 * <p>
 * RFC 9449 §10.1: a DPoP proof on the PAR call binds the code to its key like a
 * {@code dpop_jkt} does; when both are sent they must agree.
 */
public final class ParRequestConverter implements AuthenticationConverter {

	private final OAuth2AuthorizationCodeRequestAuthenticationConverter syntax = new OAuth2AuthorizationCodeRequestAuthenticationConverter();

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		if (request.getParameter(ParameterNames.CONSENT_ID) != null) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST, ParameterNames.CONSENT_ID + " is reserved");
		}
		if (request.getParameter(ParameterNames.REQUEST) != null) {
			// RFC 9101 request objects are not offered (no signed requests required for
			// this profile)
			throw error("request_not_supported", "request objects are not supported; push the parameters");
		}
		Authentication converted = this.syntax.convert(request);
		if (!(converted instanceof OAuth2PushedAuthorizationRequestAuthenticationToken pushed)) {
			return converted;
		}
		Map<String, Object> additional = new HashMap<>(pushed.getAdditionalParameters());
		String sentJkt = (String) additional.get(ParameterNames.DPOP_JKT);
		DpopProof proof = RequestProofs.of(request).orElse(null);
		if (proof != null) {
			if (sentJkt != null && !sentJkt.equals(proof.jkt())) {
				throw error(OAuth2ErrorCodes.INVALID_DPOP_PROOF, "dpop_jkt does not match the DPoP proof key");
			}
			additional.put(ParameterNames.DPOP_JKT, proof.jkt());
		}
		additional.put(ParameterNames.CONSENT_ID, ConsentId.generate().value());
		return new OAuth2PushedAuthorizationRequestAuthenticationToken(pushed.getAuthorizationUri(),
				pushed.getClientId(), (Authentication) pushed.getPrincipal(), pushed.getRedirectUri(),
				pushed.getState(), pushed.getScopes(), additional);
	}

	private static OAuth2AuthenticationException error(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
