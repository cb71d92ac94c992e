package com.consentry.authz.jose;

import java.security.Provider;
import java.util.Set;

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
 * Signers and verifiers for the algorithms FAPI 2.0 allows, on the fastest provider per key type.
 *
 * @see <a href="https://openid.net/specs/fapi-security-profile-2_0-final.html#section-5.4.1">FAPI 2.0 SP §5.4.1</a>
 */
public final class JwsSignatures {

	/** PS256 and ES256 only: no RS256, no HMAC, never {@code none} (FAPI 2.0 SP §5.4.1). */
	public static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.PS256, JWSAlgorithm.ES256);

	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	private static final int MIN_RSA_BITS = 2048;

	private JwsSignatures() {
	}

	/** A signer for the server's own key. */
	public static JWSSigner signer(JWK key) throws JOSEException {
		if (key instanceof ECKey ec) {
			ECDSASigner signer = new ECDSASigner(ec);
			signer.getJCAContext().setProvider(BOUNCY_CASTLE);
			return signer;
		}
		if (key instanceof RSAKey rsa) {
			return new RSASSASigner(rsa);
		}
		throw new JOSEException("Unsupported signing key type " + key.getKeyType());
	}

	/**
	 * A verifier for a JWS with this header and this (public) key, or an exception when the algorithm is not
	 * allowed or does not fit the key (RFC 8725 §3.1: the key decides the algorithm, not the token).
	 */
	public static JWSVerifier verifier(JWSHeader header, JWK key) throws JOSEException {
		JWSAlgorithm algorithm = header.getAlgorithm();
		if (!ALLOWED.contains(algorithm)) {
			throw new JOSEException("Algorithm " + algorithm + " is not allowed");
		}
		if (key.isPrivate()) {
			throw new JOSEException("A private key was supplied where a public key is expected");
		}
		if (JWSAlgorithm.ES256.equals(algorithm) && key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
			ECDSAVerifier verifier = new ECDSAVerifier(ec);
			verifier.getJCAContext().setProvider(BOUNCY_CASTLE);
			return verifier;
		}
		if (JWSAlgorithm.PS256.equals(algorithm) && key instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS) {
			return new RSASSAVerifier(rsa);
		}
		throw new JOSEException("Key " + key.getKeyType() + " does not fit algorithm " + algorithm);
	}

}
