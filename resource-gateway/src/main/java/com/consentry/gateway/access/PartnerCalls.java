package com.consentry.gateway.access;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Authenticates a partner's request (FAPI 2.0 SP §5.3.4): exactly one
 * {@code Authorization} header, never a token in the query. A DPoP-bound token (RFC 9449
 * §7) comes with the DPoP scheme and exactly one DPoP proof for this method and this URL
 * as partners address it, whose {@code ath} is the token's hash and whose key is the one
 * the token is bound to, used once across every instance, and a gateway nonce when one is
 * required. A certificate-bound token (RFC 8705 §3) comes with the Bearer scheme over a
 * call whose client certificate ({@link ClientCertificates}) is the one it is bound to.
 */
@Component
@EnableConfigurationProperties(ClientCertificateProperties.class)
public final class PartnerCalls {

	private static final String DPOP_SCHEME = "dpop ";

	private static final String BEARER_SCHEME = "bearer ";

	private final AccessTokens tokens;

	private final DpopProofVerifier proofs;

	private final DpopNonces nonces;

	private final String publicBaseUrl;

	private final ClientCertificates certificates;

	@Autowired
	PartnerCalls(GatewayProperties properties, ClientCertificateProperties certificates, JdbcClient jdbc, Clock clock) {
		this.tokens = new AccessTokens(new IssuerKeys(properties.signingKeysUri(), clock),
				properties.issuer().toString(), properties.audience(), clock, properties.grants().capacity());
		this.nonces = new DpopNonces(Base64.getDecoder().decode(properties.secret()), properties.dpop().nonceStep(),
				clock);
		this.proofs = new DpopProofVerifier(new ProofReplay(jdbc, clock), this.nonces,
				properties.dpop().nonceRequired(), properties.dpop().proofMaxAge(), clock);
		String base = properties.publicBaseUrl().toString();
		this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.certificates = new ClientCertificates(certificates);
	}

	PartnerCalls(AccessTokens tokens, DpopProofVerifier proofs, DpopNonces nonces, String publicBaseUrl,
			ClientCertificates certificates) {
		this.tokens = tokens;
		this.proofs = proofs;
		this.nonces = nonces;
		this.publicBaseUrl = publicBaseUrl;
		this.certificates = certificates;
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
		String scheme = authorization.toLowerCase(Locale.ROOT);
		if (scheme.startsWith(BEARER_SCHEME)) {
			return certificateBound(request, authorization.substring(BEARER_SCHEME.length()).trim());
		}
		if (!scheme.startsWith(DPOP_SCHEME)) {
			throw notDpop();
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
		if (accessToken.jkt() == null) {
			throw FdxRefusal.unauthenticated("certificate_bound_as_dpop", "invalid_token",
					"A certificate-bound access token is presented with the Bearer scheme");
		}
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

	/**
	 * RFC 8705 §3: a Bearer presentation is accepted only for a token bound to a client
	 * certificate, over a call with that very certificate; a DPoP-bound token still needs
	 * its proof (RFC 9449 §7.2).
	 */
	private PartnerCall certificateBound(HttpServletRequest request, String token) {
		if (token.isEmpty()) {
			throw FdxRefusal.unauthenticated("no_token", "invalid_token",
					"A sender-constrained access token is required");
		}
		AccessToken accessToken = this.tokens.verify(token);
		if (accessToken.x5t() == null) {
			throw notDpop();
		}
		String presented = this.certificates.thumbprint(request)
			.orElseThrow(() -> FdxRefusal.certificateRefused("no_client_certificate",
					"The access token is bound to a client certificate, and the call presents none"));
		// RFC 8705 §3.1: the certificate of the call is the one the token is bound to
		if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
				accessToken.x5t().getBytes(StandardCharsets.US_ASCII))) {
			throw FdxRefusal.certificateRefused("certificate_mismatch",
					"The access token is bound to another client certificate");
		}
		return new PartnerCall(accessToken, null);
	}

	private static FdxRefusal notDpop() {
		return FdxRefusal.unauthenticated("not_dpop", "invalid_token",
				"Access tokens must be presented with the DPoP scheme; Bearer is not accepted");
	}

}
