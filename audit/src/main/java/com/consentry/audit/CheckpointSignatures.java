package com.consentry.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.bouncycastle.jcajce.spec.MLDSAParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The signatures of a checkpoint: ES256 (ECDSA P-256 with SHA-256, DER-encoded) and
 * ML-DSA-65 (FIPS 204, BouncyCastle's {@code BC} provider), each over the UTF-8 canonical
 * encoding of {@code {"hash":…,"seq":…,"signedAt":…}}. Either alone proves the
 * checkpoint; ML-DSA keeps proving it once elliptic curves can be broken.
 */
public final class CheckpointSignatures {

	public static final String ES256 = "ES256";

	public static final String ML_DSA = "ML-DSA-65";

	private static final Provider BC = new BouncyCastleProvider();

	private CheckpointSignatures() {
	}

	static byte[] signedContent(long seq, String hash, Instant signedAt) {
		return CanonicalJson
			.encode(Map.of("seq", seq, "hash", hash, "signedAt", DateTimeFormatter.ISO_INSTANT.format(signedAt)))
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] sign(CheckpointKey key, byte[] content) throws GeneralSecurityException {
		Signature signature = signature(key.algorithm());
		signature.initSign(key.privateKey());
		signature.update(content);
		return signature.sign();
	}

	static boolean verify(String algorithm, byte[] publicKey, byte[] content, byte[] signatureBytes)
			throws GeneralSecurityException {
		Signature signature = signature(algorithm);
		signature.initVerify(publicKey(algorithm, publicKey));
		signature.update(content);
		return signature.verify(signatureBytes);
	}

	/**
	 * A new key pair for checkpoints.
	 * @param algorithm {@link #ES256} or {@link #ML_DSA}
	 * @return the pair; its public key encodes as X.509 SubjectPublicKeyInfo
	 * @throws GeneralSecurityException if the JVM cannot make one
	 */
	public static KeyPair generate(String algorithm) throws GeneralSecurityException {
		if (ES256.equals(algorithm)) {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-DSA", BC);
		generator.initialize(MLDSAParameterSpec.ml_dsa_65);
		return generator.generateKeyPair();
	}

	/**
	 * Reads a private key stored as PKCS#8.
	 * @param algorithm {@link #ES256} or {@link #ML_DSA}
	 * @param pkcs8 the encoded key
	 * @return the key
	 * @throws GeneralSecurityException if it is not one
	 */
	public static PrivateKey privateKey(String algorithm, byte[] pkcs8) throws GeneralSecurityException {
		return keyFactory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
	}

	static PublicKey publicKey(String algorithm, byte[] x509) throws GeneralSecurityException {
		return keyFactory(algorithm).generatePublic(new X509EncodedKeySpec(x509));
	}

	private static KeyFactory keyFactory(String algorithm) throws GeneralSecurityException {
		return ES256.equals(algorithm) ? KeyFactory.getInstance("EC") : KeyFactory.getInstance("ML-DSA", BC);
	}

	private static Signature signature(String algorithm) throws GeneralSecurityException {
		return ES256.equals(algorithm) ? Signature.getInstance("SHA256withECDSA") : Signature.getInstance("ML-DSA", BC);
	}

}
