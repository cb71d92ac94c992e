package com.consentry.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.security.Provider;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import org.jspecify.annotations.Nullable;

/**
 * One thread's DPoP client state: its own proof key and the latest server nonce. Sends
 * the partner's back-channel requests (PAR, token) with a fresh proof each, and answers a
 * {@code use_dpop_nonce} challenge by sending once more with the nonce just received.
 * Used by one thread only.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-8">RFC 9449 §8
 * server nonce</a>
 */
final class DpopSession {

	private static final String NONCE_HEADER = "DPoP-Nonce";

	private static final String USE_DPOP_NONCE = "use_dpop_nonce";

	private final DefaultDPoPProofFactory proofs;

	private final RequestBudget budget;

	private @Nullable String nonce;

	private long nonceRetries;

	DpopSession(@Nullable Provider jca, RequestBudget budget) {
		ECKey generated = Partner.newKey("bench-dpop");
		// the public JWK, holding the private key as an object of the signing provider
		ECKey key = new ECKey.Builder(generated.toPublicJWK()).privateKey(Partner.privateKey(generated, jca)).build();
		try {
			this.proofs = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256, jca);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.budget = budget;
	}

	/**
	 * Sends the request {@code build} makes, with a DPoP proof for its method and URL.
	 * {@code build} is called again for a retry, so client assertions and proofs are
	 * never reused. The step name labels I/O errors.
	 */
	HTTPResponse send(String step, Supplier<HTTPRequest> build) throws OperationFailed {
		HTTPResponse response = sendOnce(step, build);
		if (isNonceChallenge(response)) {
			this.nonceRetries++;
			response = sendOnce(step, build);
		}
		return response;
	}

	/**
	 * A new proof for a request to a resource server with {@code accessToken} (RFC 9449
	 * §7): {@code htm}, {@code htu}, {@code iat} now, a new random {@code jti} and
	 * {@code ath}, no nonce. Unlike {@link #send}, safe to call from several threads at
	 * once (Nimbus' signer is thread-safe and this touches no session state).
	 * @param htu the URL without query and fragment
	 */
	SignedJWT resourceProof(String method, URI htu, AccessToken accessToken) {
		try {
			return this.proofs.createDPoPJWT(method, htu, accessToken);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot sign a DPoP proof", ex);
		}
	}

	long nonceRetries() {
		return this.nonceRetries;
	}

	private HTTPResponse sendOnce(String step, Supplier<HTTPRequest> build) throws OperationFailed {
		HTTPRequest request = build.get();
		URI target = request.getURI();
		// htu: the URL without query and fragment (RFC 9449 §4.2)
		URI htu = URI.create(target.getScheme() + "://" + target.getRawAuthority() + target.getRawPath());
		try {
			request.setDPoP(this.proofs.createDPoPJWT(request.getMethod().name(), htu,
					(this.nonce != null) ? new Nonce(this.nonce) : null));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot sign a DPoP proof", ex);
		}
		this.budget.take();
		HTTPResponse response;
		try {
			response = Partner.send(request);
		}
		catch (IOException ex) {
			throw new OperationFailed(step + ": I/O " + ex.getClass().getSimpleName(), ex);
		}
		String next = response.getHeaderValue(NONCE_HEADER);
		if (next != null) {
			this.nonce = next;
		}
		return response;
	}

	private static boolean isNonceChallenge(HTTPResponse response) {
		if (response.getStatusCode() == 400) {
			try {
				return USE_DPOP_NONCE.equals(response.getBodyAsJSONObject().get("error"));
			}
			catch (com.nimbusds.oauth2.sdk.ParseException ex) {
				return false;
			}
		}
		String challenge = response.getHeaderValue("WWW-Authenticate");
		return response.getStatusCode() == 401 && challenge != null && challenge.contains(USE_DPOP_NONCE);
	}

}
