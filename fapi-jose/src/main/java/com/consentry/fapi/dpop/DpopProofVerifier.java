package com.consentry.fapi.dpop;

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
import java.util.Objects;

import com.consentry.fapi.dpop.DpopProofException.Reason;
import com.consentry.fapi.jose.JwsSignatures;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Checks a DPoP proof as RFC 9449 §4.3 lists, in that order, with our policy on top:
 * PS256/ES256 only, the expected URL taken from the configured issuer (never from the
 * request, which a proxy may rewrite), a server nonce, and a replay store shared by every
 * instance.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-4.3">RFC 9449
 * §4.3</a>
 */
public final class DpopProofVerifier {

	static final JOSEObjectType DPOP_TYPE = new JOSEObjectType("dpop+jwt");

	private static final int MAX_PROOF_LENGTH = 8192;

	private static final int MAX_JTI_LENGTH = 256;

	// FAPI 2.0 SP §5.3.2.1(13): allow a client clock up to 10 s ahead.
	private static final Duration FUTURE_SKEW = Duration.ofSeconds(10);

	private final DpopReplayCheck replay;

	private final DpopNonces nonces;

	private final boolean nonceRequired;

	private final Duration proofMaxAge;

	private final Clock clock;

	/**
	 * @param replay remembers proof identifiers, shared by every instance
	 * @param nonces this server's nonces
	 * @param nonceRequired whether proofs must carry a server nonce (RFC 9449 §8)
	 * @param proofMaxAge how old a proof's {@code iat} may be
	 */
	public DpopProofVerifier(DpopReplayCheck replay, DpopNonces nonces, boolean nonceRequired, Duration proofMaxAge,
			Clock clock) {
		this.replay = Objects.requireNonNull(replay, "replay");
		this.nonces = Objects.requireNonNull(nonces, "nonces");
		this.nonceRequired = nonceRequired;
		this.proofMaxAge = Objects.requireNonNull(proofMaxAge, "proofMaxAge");
		this.clock = Objects.requireNonNull(clock, "clock");
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
			throw DpopProofException.of(Reason.TOO_LONG);
		}
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(proof);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw DpopProofException.of(Reason.MALFORMED);
		}
		// §4.3(4): typ is dpop+jwt
		if (!DPOP_TYPE.equals(jwt.getHeader().getType())) {
			throw DpopProofException.of(Reason.WRONG_TYPE);
		}
		// §4.3(5,6): an allowed asymmetric algorithm, a public key in the header
		JWK key = jwt.getHeader().getJWK();
		if (key == null) {
			throw DpopProofException.of(Reason.NO_KEY);
		}
		if (key.isPrivate()) {
			throw DpopProofException.of(Reason.PRIVATE_KEY);
		}
		// §4.3(7): the signature verifies with that key
		try {
			if (!jwt.verify(JwsSignatures.verifier(jwt.getHeader(), key))) {
				throw DpopProofException.of(Reason.BAD_SIGNATURE);
			}
		}
		catch (JOSEException ex) {
			throw DpopProofException.of(Reason.UNACCEPTABLE_ALGORITHM);
		}
		String jti = stringClaim(claims, "jti");
		if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
			throw DpopProofException.of(Reason.BAD_JTI);
		}
		// §4.3(8): htm matches the method
		if (!method.equals(stringClaim(claims, "htm"))) {
			throw DpopProofException.of(Reason.HTM_MISMATCH);
		}
		// §4.3(9): htu matches the URL, ignoring query and fragment, after normalisation
		String htu = stringClaim(claims, "htu");
		if (htu == null || !normalize(htu).equals(normalize(targetUri.toString()))) {
			throw DpopProofException.of(Reason.HTU_MISMATCH);
		}
		Date iatDate = claims.getIssueTime();
		if (iatDate == null) {
			throw DpopProofException.of(Reason.NO_IAT);
		}
		Instant issuedAt = iatDate.toInstant();
		Instant now = this.clock.instant();
		// §4.3(11): iat within an acceptable window
		if (issuedAt.isAfter(now.plus(FUTURE_SKEW))) {
			throw DpopProofException.of(Reason.IAT_IN_FUTURE);
		}
		if (issuedAt.isBefore(now.minus(this.proofMaxAge))) {
			throw DpopProofException.of(Reason.TOO_OLD);
		}
		// §4.3(10), §8: a server nonce, when the server requires one
		String nonce = stringClaim(claims, "nonce");
		if (nonce != null ? !this.nonces.isValid(nonce) : this.nonceRequired) {
			throw DpopProofException.of((nonce == null) ? Reason.NONCE_MISSING : Reason.NONCE_STALE);
		}
		// §4.3(12): at a resource, ath is the hash of the access token presented
		if (accessToken != null) {
			String ath = stringClaim(claims, "ath");
			if (ath == null || !MessageDigest.isEqual(ath.getBytes(StandardCharsets.US_ASCII),
					sha256(accessToken).getBytes(StandardCharsets.US_ASCII))) {
				throw DpopProofException.of(Reason.ATH_MISMATCH);
			}
		}
		String jkt;
		try {
			jkt = key.computeThumbprint().toString();
		}
		catch (JOSEException ex) {
			throw DpopProofException.of(Reason.NO_THUMBPRINT);
		}
		// §11.1: a jti is accepted once, on any instance, for as long as the proof could
		// be accepted at all
		Instant keepUntil = issuedAt.plus(this.proofMaxAge).plus(FUTURE_SKEW);
		if (!this.replay.firstUse(jkt, jti, keepUntil)) {
			throw DpopProofException.of(Reason.REPLAYED);
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
