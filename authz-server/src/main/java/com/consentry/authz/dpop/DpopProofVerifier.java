package com.consentry.authz.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;

import com.consentry.authz.jose.JwsSignatures;
import com.consentry.authz.replay.ReplayRegistry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Checks a DPoP proof as RFC 9449 §4.3 lists, in that order, with our policy on top:
 * PS256/ES256 only, the expected URL taken from the configured issuer (never from the
 * request, which a proxy may rewrite), a server nonce, and a replay store shared by every
 * instance.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-4.3">RFC 9449
 * §4.3</a>
 */
@Component
public class DpopProofVerifier {

	static final JOSEObjectType DPOP_TYPE = new JOSEObjectType("dpop+jwt");

	private static final int MAX_PROOF_LENGTH = 8192;

	private static final int MAX_JTI_LENGTH = 256;

	// FAPI 2.0 SP §5.3.2.1(13): allow a client clock up to 10 s ahead.
	private static final Duration FUTURE_SKEW = Duration.ofSeconds(10);

	private final ReplayRegistry replay;

	private final DpopNonces nonces;

	private final DpopProperties properties;

	private final Clock clock;

	public DpopProofVerifier(ReplayRegistry replay, DpopNonces nonces, DpopProperties properties, Clock clock) {
		Assert.notNull(replay, "replay cannot be null");
		Assert.notNull(nonces, "nonces cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.replay = replay;
		this.nonces = nonces;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Verifies {@code proof} for a request.
	 * @param method the request method ({@code htm})
	 * @param targetUri the URL the client was told to use for this endpoint ({@code htu})
	 * @param accessToken the access token presented with the proof at a resource, else
	 * {@code null}
	 */
	public DpopProof verify(String proof, String method, URI targetUri, @Nullable String accessToken)
			throws DpopProofException {
		if (proof.length() > MAX_PROOF_LENGTH) {
			throw DpopProofException.invalid("DPoP proof is too long");
		}
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(proof);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw DpopProofException.invalid("DPoP proof is not a well-formed signed JWT");
		}
		// §4.3(4): typ is dpop+jwt
		if (!DPOP_TYPE.equals(jwt.getHeader().getType())) {
			throw DpopProofException.invalid("DPoP proof typ must be dpop+jwt");
		}
		// §4.3(5,6): an allowed asymmetric algorithm, a public key in the header
		JWK key = jwt.getHeader().getJWK();
		if (key == null) {
			throw DpopProofException.invalid("DPoP proof has no jwk header");
		}
		if (key.isPrivate()) {
			throw DpopProofException.invalid("DPoP proof jwk must not contain a private key");
		}
		// §4.3(7): the signature verifies with that key
		try {
			if (!jwt.verify(JwsSignatures.verifier(jwt.getHeader(), key))) {
				throw DpopProofException.invalid("DPoP proof signature does not verify");
			}
		}
		catch (JOSEException ex) {
			throw DpopProofException.invalid("DPoP proof algorithm or key is not acceptable");
		}
		String jti = stringClaim(claims, "jti");
		if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
			throw DpopProofException.invalid("DPoP proof jti is missing or too long");
		}
		// §4.3(8): htm matches the method
		if (!method.equals(stringClaim(claims, "htm"))) {
			throw DpopProofException.invalid("DPoP proof htm does not match the request method");
		}
		// §4.3(9): htu matches the URL, ignoring query and fragment, after normalisation
		String htu = stringClaim(claims, "htu");
		if (htu == null || !normalize(htu).equals(normalize(targetUri.toString()))) {
			throw DpopProofException.invalid("DPoP proof htu does not match the request URL");
		}
		Date iatDate = claims.getIssueTime();
		if (iatDate == null) {
			throw DpopProofException.invalid("DPoP proof has no iat");
		}
		Instant issuedAt = iatDate.toInstant();
		Instant now = this.clock.instant();
		// §4.3(11): iat within an acceptable window
		if (issuedAt.isAfter(now.plus(FUTURE_SKEW))) {
			throw DpopProofException.invalid("DPoP proof iat is in the future");
		}
		if (issuedAt.isBefore(now.minus(this.properties.proofMaxAge()))) {
			throw DpopProofException.invalid("DPoP proof is too old");
		}
		// §4.3(10), §8: a server nonce, when the server requires one
		String nonce = stringClaim(claims, "nonce");
		if (nonce != null ? !this.nonces.isValid(nonce) : this.properties.nonceRequired()) {
			throw DpopProofException.nonceNeeded(
					(nonce == null) ? "DPoP proof must carry a server nonce" : "DPoP nonce is stale or unknown");
		}
		// §4.3(12): at a resource, ath is the hash of the access token presented
		if (accessToken != null) {
			String ath = stringClaim(claims, "ath");
			if (ath == null || !MessageDigest.isEqual(ath.getBytes(StandardCharsets.US_ASCII),
					sha256(accessToken).getBytes(StandardCharsets.US_ASCII))) {
				throw DpopProofException.invalid("DPoP proof ath does not match the access token");
			}
		}
		String jkt;
		try {
			jkt = key.computeThumbprint().toString();
		}
		catch (JOSEException ex) {
			throw DpopProofException.invalid("DPoP proof jwk has no thumbprint");
		}
		// §11.1: a jti is accepted once, on any instance, for as long as the proof could
		// be accepted at all
		Instant keepUntil = issuedAt.plus(this.properties.proofMaxAge()).plus(FUTURE_SKEW);
		if (!this.replay.firstUse(ReplayRegistry.Purpose.DPOP_PROOF, jkt, jti, keepUntil)) {
			throw DpopProofException.invalid("DPoP proof jti has been used before");
		}
		return new DpopProof(jkt, jti, issuedAt);
	}

	/** The base64url SHA-256 of an access token, as DPoP's {@code ath} carries it. */
	public static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable String stringClaim(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		return (value instanceof String string) ? string : null;
	}

	// RFC 3986 §6.2.2 and §6.2.3: case of scheme and host, default port, empty path;
	// query and fragment dropped.
	static String normalize(String uri) {
		try {
			URI parsed = new URI(uri).normalize();
			String scheme = (parsed.getScheme() != null) ? parsed.getScheme().toLowerCase(Locale.ROOT) : "";
			String host = (parsed.getHost() != null) ? parsed.getHost().toLowerCase(Locale.ROOT) : "";
			int port = parsed.getPort();
			if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
				port = -1;
			}
			String path = (parsed.getRawPath() == null || parsed.getRawPath().isEmpty()) ? "/" : parsed.getRawPath();
			return scheme + "://" + host + ((port != -1) ? ":" + port : "") + path;
		}
		catch (URISyntaxException ex) {
			return "\u0000invalid";
		}
	}

}
