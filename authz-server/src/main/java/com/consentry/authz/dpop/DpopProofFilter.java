package com.consentry.authz.dpop;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import com.consentry.fapi.dpop.DpopNonces;
import com.consentry.fapi.dpop.DpopProofVerifier;
import com.consentry.fapi.dpop.DpopProofException;
import com.consentry.fapi.dpop.DpopProof;
import com.consentry.authz.errors.ErrorDescription;
import com.consentry.authz.errors.OAuthErrorResponse;
import com.consentry.registry.FapiPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies DPoP proofs where the authorization server takes them, before any endpoint
 * acts:
 * <ul>
 * <li>PAR: optional (a {@code dpop_jkt} parameter may bind the code instead); a valid
 * proof's key thumbprint becomes the request's {@link DpopProof}.</li>
 * <li>Token: required for every grant of a DPoP-bound client (RFC 9449 §5.2), which the
 * token generator enforces once the client is known (the clients registered for mTLS get
 * certificate-bound tokens instead, RFC 8705 §3); a proof that is sent is verified here.
 * The verified proof is handed on as {@link DpopProof}, and the header is hidden from
 * Spring Authorization Server's own DPoP check, whose replay cache is per JVM.</li>
 * <li>Userinfo: a DPoP token needs a proof with {@code ath}; a Bearer presentation of our
 * tokens, all DPoP-bound, is refused (RFC 9449 §7.2).</li>
 * </ul>
 * Every answer carries a current {@code DPoP-Nonce}.
 */
public final class DpopProofFilter extends OncePerRequestFilter {

	static final String DPOP = "DPoP";

	static final String DPOP_NONCE = "DPoP-Nonce";

	private final DpopProofVerifier verifier;

	private final DpopNonces nonces;

	private final AuthorizationServerSettings settings;

	private final Map<Endpoint, RequestMatcher> matchers = new EnumMap<>(Endpoint.class);

	public DpopProofFilter(DpopProofVerifier verifier, DpopNonces nonces, AuthorizationServerSettings settings) {
		Assert.notNull(verifier, "verifier cannot be null");
		Assert.notNull(nonces, "nonces cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		this.verifier = verifier;
		this.nonces = nonces;
		this.settings = settings;
		// Spring Security's own matcher, so this filter sees the decoded, normalised path
		// the endpoints match
		// on: /user%69nfo is the userinfo endpoint here as much as it is there.
		for (Endpoint endpoint : Endpoint.values()) {
			this.matchers.put(endpoint, PathPatternRequestMatcher.pathPattern(endpoint.path(settings)));
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Endpoint endpoint = endpoint(request);
		if (endpoint == null) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(DPOP_NONCE, this.nonces.current());
		List<String> proofs = Collections.list(request.getHeaders(DPOP));
		String accessToken = null;
		if (endpoint == Endpoint.USERINFO) {
			String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
				writeResourceError(response, "invalid_token",
						"DPoP-bound access tokens must be presented with the DPoP scheme");
				return;
			}
			if (authorization == null || !authorization.regionMatches(true, 0, "DPoP ", 0, 5)) {
				chain.doFilter(request, response);
				return;
			}
			accessToken = authorization.substring(5).trim();
		}
		if (proofs.isEmpty()) {
			// PAR: optional. Token: an mTLS client's tokens are bound to its certificate
			// instead (RFC 8705 §3); whether this client is one, and so may go without a
			// proof, is decided once it is authenticated (token.AccessTokenClaims), so an
			// unauthenticated request is invalid_client first.
			if (endpoint == Endpoint.PAR || endpoint == Endpoint.TOKEN) {
				chain.doFilter(request, response);
				return;
			}
			fail(endpoint, response, DpopProofException.INVALID_DPOP_PROOF, "a DPoP proof is required");
			return;
		}
		// RFC 9449 §4.3(1): exactly one DPoP header
		if (proofs.size() != 1) {
			fail(endpoint, response, DpopProofException.INVALID_DPOP_PROOF, "exactly one DPoP header is allowed");
			return;
		}
		DpopProof proof;
		try {
			URI target = URI.create(this.settings.getIssuer() + endpoint.path(this.settings));
			proof = this.verifier.verify(proofs.get(0), request.getMethod(), target, accessToken);
		}
		catch (DpopProofException ex) {
			fail(endpoint, response, ex.errorCode(), ex.getMessage());
			return;
		}
		request.setAttribute(RequestProofs.attributeName(), proof);
		chain.doFilter((endpoint == Endpoint.TOKEN) ? new ProofHidingRequest(request) : request, response);
	}

	private @Nullable Endpoint endpoint(HttpServletRequest request) {
		for (Endpoint endpoint : Endpoint.values()) {
			if (this.matchers.get(endpoint).matches(request)) {
				return endpoint;
			}
		}
		return null;
	}

	private void fail(Endpoint endpoint, HttpServletResponse response, String error, String description)
			throws IOException {
		if (endpoint == Endpoint.USERINFO) {
			writeResourceError(response, error, description);
			return;
		}
		// RFC 9449 §5 and §8: token-endpoint style JSON error, 400
		OAuthErrorResponse.write(response, HttpStatus.BAD_REQUEST, error, description);
	}

	// RFC 9449 §7.1 and §9: a resource answers 401 with a DPoP challenge
	private static void writeResourceError(HttpServletResponse response, String error, String description) {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		// RFC 6750 §3: the description's character set is RFC 6749 §5.2's, which keeps
		// the quoted string intact
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "DPoP error=\"" + error + "\", error_description=\""
				+ ErrorDescription.safe(description) + "\", algs=\"" + FapiPolicy.signingAlgorithmsSpaced() + "\"");
	}

	private enum Endpoint {

		PAR, TOKEN, USERINFO;

		String path(AuthorizationServerSettings settings) {
			return switch (this) {
				case PAR -> settings.getPushedAuthorizationRequestEndpoint();
				case TOKEN -> settings.getTokenEndpoint();
				case USERINFO -> settings.getOidcUserInfoEndpoint();
			};
		}

	}

	/**
	 * The request without its DPoP header, once the proof is verified and its result
	 * attached.
	 */
	private static final class ProofHidingRequest extends HttpServletRequestWrapper {

		ProofHidingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return DPOP.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return DPOP.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames())
				.stream()
				.filter((n) -> !DPOP.equalsIgnoreCase(n))
				.toList());
		}

	}

}
