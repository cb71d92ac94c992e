package com.consentry.authz.consentapi;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.consentry.fapi.dpop.DpopNonces;
import com.consentry.fapi.dpop.DpopProof;
import com.consentry.fapi.dpop.DpopProofException;
import com.consentry.fapi.dpop.DpopProofVerifier;
import com.consentry.registry.Partners;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in the partner calling the consent API, or answers 401 in FDX's shape with a DPoP
 * challenge:
 * <ol>
 * <li>the token is presented with the {@code DPoP} scheme, never as a Bearer token (RFC
 * 9449 §7.1);</li>
 * <li>it is one of our access tokens (signature, {@code typ at+jwt}, issuer, expiry: the
 * server's access token decoder, as at userinfo) naming its {@code client_id};</li>
 * <li>exactly one proof, for this method and URL (taken from the issuer, not the
 * request), with {@code ath}, our nonce and a {@code jti} never seen by any
 * instance;</li>
 * <li>the proof's key is the token's {@code cnf.jkt} (RFC 9449 §6.1).</li>
 * </ol>
 * The caller is then the partner, {@link ConsentApiCaller}. Every answer carries a
 * current {@code DPoP-Nonce}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-7.1">RFC 9449 §7.1</a>
 */
final class ConsentApiAuthenticationFilter extends OncePerRequestFilter {

	private static final String DPOP = "DPoP";

	private static final String CNF = "cnf";

	private static final String JKT = "jkt";

	private static final String CLIENT_ID = "client_id";

	private final JwtDecoder accessTokens;

	private final DpopProofVerifier verifier;

	private final DpopNonces nonces;

	private final AuthorizationServerSettings settings;

	private final OAuth2AuthorizationService authorizations;

	private final Partners partners;

	private final List<String> otherBaseUrls;

	ConsentApiAuthenticationFilter(JwtDecoder accessTokens, DpopProofVerifier verifier, DpopNonces nonces,
			AuthorizationServerSettings settings, OAuth2AuthorizationService authorizations, Partners partners,
			List<URI> otherBaseUrls) {
		this.otherBaseUrls = otherBaseUrls.stream().map((url) -> url.toString().replaceAll("/+$", "")).toList();
		Assert.notNull(authorizations, "authorizations cannot be null");
		Assert.notNull(partners, "partners cannot be null");
		this.authorizations = authorizations;
		this.partners = partners;
		Assert.notNull(accessTokens, "accessTokens cannot be null");
		Assert.notNull(verifier, "verifier cannot be null");
		Assert.notNull(nonces, "nonces cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		this.accessTokens = accessTokens;
		this.verifier = verifier;
		this.nonces = nonces;
		this.settings = settings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("DPoP-Nonce", this.nonces.current());
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		// RFC 9449 §7.1: a DPoP-bound token is presented with the DPoP scheme, never as a
		// Bearer token
		if (authorization == null || !authorization.regionMatches(true, 0, "DPoP ", 0, 5)) {
			FdxErrorResponse.write(response, FdxError.AUTHENTICATION_FAILED,
					FdxErrorResponse.dpopChallenge("invalid_token", "a DPoP-bound access token is required"));
			return;
		}
		List<String> proofs = Collections.list(request.getHeaders(DPOP));
		// RFC 9449 §4.3(1): exactly one DPoP header
		if (proofs.size() != 1) {
			FdxErrorResponse.write(response, FdxError.AUTHENTICATION_FAILED, FdxErrorResponse
				.dpopChallenge(DpopProofException.INVALID_DPOP_PROOF, "exactly one DPoP proof is required"));
			return;
		}
		String token = authorization.substring(5).trim();
		Jwt jwt;
		try {
			jwt = this.accessTokens.decode(token);
		}
		catch (JwtException ex) {
			FdxErrorResponse.write(response, FdxError.AUTHENTICATION_FAILED,
					FdxErrorResponse.dpopChallenge("invalid_token", "the access token is not valid"));
			return;
		}
		DpopProof proof;
		try {
			URI target = URI.create(baseUrlNamedBy(proofs.get(0)) + request.getRequestURI());
			proof = this.verifier.verify(proofs.get(0), request.getMethod(), target, token);
		}
		catch (DpopProofException | IllegalArgumentException ex) {
			String error = (ex instanceof DpopProofException dpop) ? dpop.errorCode()
					: DpopProofException.INVALID_DPOP_PROOF;
			FdxErrorResponse.write(response, FdxError.AUTHENTICATION_FAILED,
					FdxErrorResponse.dpopChallenge(error, "the DPoP proof was not accepted"));
			return;
		}
		Object cnf = jwt.getClaims().get(CNF);
		String clientId = jwt.getClaimAsString(CLIENT_ID);
		// RFC 9449 §6.1: the token is bound to the proof's key
		if (!(cnf instanceof Map<?, ?> confirmation) || !proof.jkt().equals(confirmation.get(JKT)) || clientId == null
				|| clientId.isBlank()) {
			FdxErrorResponse.write(response, FdxError.AUTHENTICATION_FAILED,
					FdxErrorResponse.dpopChallenge("invalid_token", "the access token is not bound to this key"));
			return;
		}
		// A signature is not enough: the token must still be live (not revoked with its
		// consent or grant) and
		// its partner ACTIVE, as introspection would answer (FDX §3.3: a revoked token is
		// 401 603)
		if (!isLive(token) || !this.partners.isActive(clientId)) {
			FdxErrorResponse.write(response, FdxError.AUTHENTICATION_FAILED, FdxErrorResponse
				.dpopChallenge("invalid_token", "the access token is revoked or its partner inactive"));
			return;
		}
		SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
		context.setAuthentication(new ConsentApiCaller(jwt, clientId));
		SecurityContextHolder.getContextHolderStrategy().setContext(context);
		chain.doFilter(request, response);
	}

	private boolean isLive(String token) {
		OAuth2Authorization authorization = this.authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
		OAuth2Authorization.Token<OAuth2AccessToken> accessToken = (authorization != null)
				? authorization.getAccessToken() : null;
		return accessToken != null && accessToken.isActive();
	}

	/**
	 * The base URL the proof's {@code htu} should start with: one of the bank's
	 * configured alternatives (the resource gateway) when the proof names it, else the
	 * issuer. The proof is then verified against that URL; nothing but a configured URL
	 * can be chosen.
	 */
	private String baseUrlNamedBy(String proof) {
		try {
			Object htu = SignedJWT.parse(proof).getJWTClaimsSet().getClaim("htu");
			if (htu instanceof String named) {
				for (String base : this.otherBaseUrls) {
					if (named.startsWith(base + "/")) {
						return base;
					}
				}
			}
		}
		catch (ParseException ex) {
			// the verifier refuses it with the reason
		}
		return this.settings.getIssuer();
	}

}
