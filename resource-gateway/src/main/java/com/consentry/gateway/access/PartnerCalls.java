package com.consentry.gateway.access;

import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.consentry.fapi.dpop.DpopNonces;
import com.consentry.fapi.dpop.DpopProof;
import com.consentry.fapi.dpop.DpopProofException;
import com.consentry.fapi.dpop.DpopProofVerifier;
import com.consentry.gateway.GatewayProperties;
import com.consentry.gateway.fdx.FdxRefusal;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Authenticates a partner's request (FAPI 2.0 SP §5.3.4, RFC 9449 §7): exactly one
 * {@code Authorization: DPoP} header (never Bearer, never a token in the query), exactly
 * one DPoP proof for this method and this URL as partners address it, whose {@code ath}
 * is the token's hash and whose key is the one the token is bound to, used once across
 * every instance, and a gateway nonce when one is required.
 */
@Component
public final class PartnerCalls {

	private static final String DPOP_SCHEME = "dpop ";

	private final AccessTokens tokens;

	private final DpopProofVerifier proofs;

	private final DpopNonces nonces;

	private final String publicBaseUrl;

	PartnerCalls(GatewayProperties properties, JdbcClient jdbc, Clock clock) {
		this.tokens = new AccessTokens(new IssuerKeys(properties.signingKeysUri(), clock),
				properties.issuer().toString(), properties.audience(), clock, properties.grants().capacity());
		this.nonces = new DpopNonces(Base64.getDecoder().decode(properties.secret()), properties.dpop().nonceStep(),
				clock);
		this.proofs = new DpopProofVerifier(new ProofReplay(jdbc, clock), this.nonces,
				properties.dpop().nonceRequired(), properties.dpop().proofMaxAge(), clock);
		String base = properties.publicBaseUrl().toString();
		this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** The gateway nonce to hand out now (RFC 9449 §9, {@code DPoP-Nonce}). */
	public String currentNonce() {
		return this.nonces.current();
	}

	/**
	 * The verified call, or an {@link FdxRefusal} 401 saying which rule was broken.
	 */
	public PartnerCall authenticate(HttpServletRequest request) {
		if (request.getParameter("access_token") != null) {
			throw FdxRefusal.unauthenticated("token_in_query", "invalid_request",
					"Access tokens are accepted in the Authorization header only");
		}
		List<String> authorizations = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
		if (authorizations.isEmpty()) {
			throw FdxRefusal.unauthenticated("no_token", "invalid_token", "A DPoP-bound access token is required");
		}
		if (authorizations.size() > 1) {
			throw FdxRefusal.unauthenticated("several_tokens", "invalid_request",
					"Exactly one Authorization header is accepted");
		}
		String authorization = authorizations.get(0);
		if (!authorization.toLowerCase(Locale.ROOT).startsWith(DPOP_SCHEME)) {
			throw FdxRefusal.unauthenticated("not_dpop", "invalid_token",
					"Access tokens must be presented with the DPoP scheme; Bearer is not accepted");
		}
		String token = authorization.substring(DPOP_SCHEME.length()).trim();
		if (token.isEmpty()) {
			throw FdxRefusal.unauthenticated("no_token", "invalid_token", "A DPoP-bound access token is required");
		}
		List<String> proofHeaders = Collections.list(request.getHeaders("DPoP"));
		if (proofHeaders.size() != 1) {
			throw FdxRefusal.unauthenticated(proofHeaders.isEmpty() ? "no_proof" : "several_proofs",
					"invalid_dpop_proof", "Exactly one DPoP proof is required");
		}
		AccessToken accessToken = this.tokens.verify(token);
		URI target = URI.create(this.publicBaseUrl + request.getRequestURI());
		DpopProof proof;
		try {
			proof = this.proofs.verify(proofHeaders.get(0), request.getMethod(), target, token);
		}
		catch (DpopProofException ex) {
			if (DpopProofException.USE_DPOP_NONCE.equals(ex.errorCode())) {
				throw FdxRefusal.nonceRequired(ex.getMessage());
			}
			throw FdxRefusal.unauthenticated("dpop_" + ex.reason().name().toLowerCase(Locale.ROOT),
					"invalid_dpop_proof", ex.getMessage());
		}
		catch (DataAccessException ex) {
			throw FdxRefusal.unavailable("database_unavailable", java.time.Duration.ofSeconds(2));
		}
		// RFC 9449 §7.1: the proof's key is the one the token is bound to
		if (!proof.jkt().equals(accessToken.jkt())) {
			throw FdxRefusal.unauthenticated("dpop_key_mismatch", "invalid_token",
					"The DPoP proof is not signed by the key the access token is bound to");
		}
		return new PartnerCall(accessToken, proof.jti());
	}

}
