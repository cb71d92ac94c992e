package com.consentry.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
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
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JWS signing and verification with Nimbus JOSE per JCA provider: ES256 on the JDK's
 * default ({@code SunEC}) against BouncyCastle set the way the server sets it
 * ({@code getJCAContext().setProvider(...)}), and PS256 ({@code SunRsaSign}) for
 * reference: FAPI 2.0 allows it, and RSA signing is slow everywhere.
 * <p>
 * Variants ({@code provider}): {@code JDK}, Nimbus' default; {@code BC}, the BouncyCastle
 * provider with the key objects Nimbus makes from a JWK ({@code ECKey.toECPrivateKey()},
 * JDK classes), as the server's {@code JwsSignatures} does; {@code BC_CACHED_KEY},
 * BouncyCastle with the key translated once to BouncyCastle's own classes and that one
 * object reused. BouncyCastle is fast only in the last case: handed a JDK key, or a new
 * key object per call, it redoes its per-key precomputation on every call.
 * <p>
 * Only the signature operation is measured (Nimbus' {@code sign(header, input)} /
 * {@code verify(header,
 * input, signature)}, JOSE/DER transcoding included) over a DPoP proof's signing input;
 * keys are made once. One thread, so ops/s is per core. BouncyCastle is plain Java and
 * reaches its speed only after 6-8 s of JIT compilation, hence 8 s of warm-up for ES256;
 * the whole run takes about two minutes.
 *
 * @see <a href=
 * "https://openid.net/specs/fapi-security-profile-2_0-final.html#section-5.4.1">FAPI 2.0
 * SP §5.4.1</a>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SignatureBenchmark {

	@Benchmark
	public Base64URL es256Sign(Es256 es256) throws JOSEException {
		return es256.signer.sign(es256.header, es256.input);
	}

	@Benchmark
	public boolean es256Verify(Es256 es256) throws JOSEException {
		return es256.verifier.verify(es256.header, es256.input, es256.signature);
	}

	@Benchmark
	@Warmup(iterations = 2, time = 1)
	@Measurement(iterations = 3, time = 1)
	public Base64URL ps256Sign(Ps256 ps256) throws JOSEException {
		return ps256.signer.sign(ps256.header, ps256.input);
	}

	@Benchmark
	@Warmup(iterations = 2, time = 1)
	@Measurement(iterations = 3, time = 1)
	public boolean ps256Verify(Ps256 ps256) throws JOSEException {
		return ps256.verifier.verify(ps256.header, ps256.input, ps256.signature);
	}

	/**
	 * An ES256 key pair, signer and verifier on the chosen provider, and one signed
	 * input.
	 */
	@State(Scope.Benchmark)
	public static class Es256 {

		@Param({ "JDK", "BC", "BC_CACHED_KEY" })
		public String provider;

		JWSSigner signer;

		JWSVerifier verifier;

		JWSHeader header;

		byte[] input;

		Base64URL signature;

		@Setup
		public void setUp() throws JOSEException, GeneralSecurityException {
			ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench-ec").generate();
			Provider jca = this.provider.startsWith("BC") ? new BouncyCastleProvider() : null;
			boolean translate = this.provider.equals("BC_CACHED_KEY");
			ECDSASigner ecSigner = translate ? new ECDSASigner((ECPrivateKey) translate(key.toECPrivateKey(), jca))
					: new ECDSASigner(key);
			ECDSAVerifier ecVerifier = translate ? new ECDSAVerifier((ECPublicKey) translate(key.toECPublicKey(), jca))
					: new ECDSAVerifier(key.toPublicJWK());
			if (jca != null) {
				ecSigner.getJCAContext().setProvider(jca);
				ecVerifier.getJCAContext().setProvider(jca);
			}
			this.signer = ecSigner;
			this.verifier = ecVerifier;
			this.header = proofHeader(JWSAlgorithm.ES256, key.toPublicJWK());
			this.input = signingInput(this.header);
			this.signature = this.signer.sign(this.header, this.input);
			if (!this.verifier.verify(this.header, this.input, this.signature)) {
				throw new IllegalStateException("ES256 signature made in set-up does not verify on " + this.provider);
			}
		}

	}

	/**
	 * A 2048-bit RSA key pair, PS256 signer and verifier on the JDK's provider, and one
	 * signed input.
	 */
	@State(Scope.Benchmark)
	public static class Ps256 {

		JWSSigner signer;

		JWSVerifier verifier;

		JWSHeader header;

		byte[] input;

		Base64URL signature;

		@Setup
		public void setUp() throws JOSEException {
			RSAKey key = new RSAKeyGenerator(2048).keyID("bench-rsa").generate();
			this.signer = new RSASSASigner(key);
			this.verifier = new RSASSAVerifier(key.toPublicJWK());
			this.header = proofHeader(JWSAlgorithm.PS256, key.toPublicJWK());
			this.input = signingInput(this.header);
			this.signature = this.signer.sign(this.header, this.input);
			if (!this.verifier.verify(this.header, this.input, this.signature)) {
				throw new IllegalStateException("PS256 signature made in set-up does not verify");
			}
		}

	}

	/** The same key as an object of {@code provider}'s own classes. */
	private static Key translate(Key key, Provider provider) throws GeneralSecurityException {
		return KeyFactory.getInstance(key.getAlgorithm(), provider).translateKey(key);
	}

	private static JWSHeader proofHeader(JWSAlgorithm algorithm, JWK publicKey) {
		return new JWSHeader.Builder(algorithm).type(new JOSEObjectType("dpop+jwt")).jwk(publicKey).build();
	}

	/** A DPoP proof's signing input: the header and typical claims, base64url-encoded. */
	private static byte[] signingInput(JWSHeader header) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
			.claim("htm", "POST")
			.claim("htu", URI.create("http://localhost:9000/oauth2/token").toString())
			.issueTime(new Date())
			.claim("nonce", "AAAAAAAc5dQx7n0m3Rk2a9Yf1s8pLwQe")
			.build();
		return (header.toBase64URL() + "." + Base64URL.encode(claims.toString())).getBytes(StandardCharsets.US_ASCII);
	}

}
