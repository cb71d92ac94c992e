package com.consentry.fapi.jose;

import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Signers and verifiers for the algorithms FAPI 2.0 allows, on the fastest provider per
 * key type.
 * <p>
 * EC work runs on BouncyCastle with BouncyCastle's own key objects, made once per key and
 * kept: given a JDK key object, or a new key object per call, BouncyCastle redoes its
 * per-key precomputation every time and most of its advantage over SunEC is lost (see
 * {@code benchmarks/}). Verifiers are cached by the key's RFC 7638 thumbprint, signers by
 * key id; both caches are bounded.
 *
 * @see <a href=
 * "https://openid.net/specs/fapi-security-profile-2_0-final.html#section-5.4.1">FAPI 2.0
 * SP §5.4.1</a>
 */
public final class JwsSignatures {

	/**
	 * PS256 and ES256 only: no RS256, no HMAC, never {@code none} (FAPI 2.0 SP §5.4.1).
	 */
	public static final List<String> ALGORITHM_NAMES = List.of("ES256", "PS256");

	/**
	 * {@link #ALGORITHM_NAMES} as Nimbus algorithms.
	 */
	public static final Set<JWSAlgorithm> ALLOWED = ALGORITHM_NAMES.stream()
		.map(JWSAlgorithm::parse)
		.collect(Collectors.toUnmodifiableSet());

	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	private static final int MIN_RSA_BITS = 2048;

	// Plenty for every active partner key and DPoP key of a busy hour; cleared wholesale
	// when full.
	private static final int CACHE_LIMIT = 20_000;

	private static final Map<String, JWSVerifier> VERIFIERS = new ConcurrentHashMap<>();

	private static final Map<String, JWSSigner> SIGNERS = new ConcurrentHashMap<>();

	private JwsSignatures() {
	}

	/** A signer for the server's own key. */
	public static JWSSigner signer(JWK key) throws JOSEException {
		String cacheKey = key.getKeyID() + "/" + key.computeThumbprint();
		JWSSigner cached = SIGNERS.get(cacheKey);
		if (cached != null) {
			return cached;
		}
		JWSSigner signer;
		if (key instanceof ECKey ec) {
			signer = new ECDSASigner(ec.toECPrivateKey(BOUNCY_CASTLE), ec.getCurve());
			signer.getJCAContext().setProvider(BOUNCY_CASTLE);
		}
		else if (key instanceof RSAKey rsa) {
			signer = new RSASSASigner(rsa);
		}
		else {
			throw new JOSEException("Unsupported signing key type " + key.getKeyType());
		}
		return remember(SIGNERS, cacheKey, signer);
	}

	/**
	 * A verifier for a JWS with this header and this (public) key, or an exception when
	 * the algorithm is not allowed or does not fit the key (RFC 8725 §3.1: the key
	 * decides the algorithm, not the token).
	 */
	public static JWSVerifier verifier(JWSHeader header, JWK key) throws JOSEException {
		JWSAlgorithm algorithm = header.getAlgorithm();
		if (!ALLOWED.contains(algorithm)) {
			throw new JOSEException("Algorithm " + algorithm + " is not allowed");
		}
		if (key.isPrivate()) {
			throw new JOSEException("A private key was supplied where a public key is expected");
		}
		boolean ecFits = JWSAlgorithm.ES256.equals(algorithm) && key instanceof ECKey ec
				&& Curve.P_256.equals(ec.getCurve());
		boolean rsaFits = JWSAlgorithm.PS256.equals(algorithm) && key instanceof RSAKey rsa
				&& rsa.size() >= MIN_RSA_BITS;
		if (!ecFits && !rsaFits) {
			throw new JOSEException("Key " + key.getKeyType() + " does not fit algorithm " + algorithm);
		}
		String cacheKey = algorithm.getName() + "/" + key.computeThumbprint();
		JWSVerifier cached = VERIFIERS.get(cacheKey);
		if (cached != null) {
			return cached;
		}
		JWSVerifier verifier;
		if (ecFits) {
			verifier = new ECDSAVerifier(((ECKey) key).toECPublicKey(BOUNCY_CASTLE));
			verifier.getJCAContext().setProvider(BOUNCY_CASTLE);
		}
		else {
			verifier = new RSASSAVerifier((RSAKey) key);
		}
		return remember(VERIFIERS, cacheKey, verifier);
	}

	private static <T> T remember(Map<String, T> cache, String key, T value) {
		if (cache.size() >= CACHE_LIMIT) {
			cache.clear();
		}
		cache.put(key, value);
		return value;
	}

}
