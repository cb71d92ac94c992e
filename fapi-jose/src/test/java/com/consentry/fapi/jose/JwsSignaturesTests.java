package com.consentry.fapi.jose;

import java.text.ParseException;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * FAPI 2.0 SP §5.4.1 and RFC 8725 §3.1: a JWS is verified only with PS256 or ES256, and
 * only with a key that fits the algorithm; every other pairing is refused before any
 * signature is checked.
 */
class JwsSignaturesTests {

	private static final ECKey EC = generate(new ECKeyGenerator(Curve.P_256));

	private static final ECKey EC_P384 = generate(new ECKeyGenerator(Curve.P_384));

	private static final RSAKey RSA = generate(new RSAKeyGenerator(2048));

	private static final RSAKey RSA_1024 = generate(new RSAKeyGenerator(1024, true));

	private static final OctetSequenceKey HMAC = generate(new OctetSequenceKeyGenerator(256));

	@Test
	@DisplayName("FAPI2 SP §5.4.1: ES256 and PS256 signatures of the server's signer verify with the public key")
	void allowedAlgorithmsVerify() throws Exception {
		for (JWK key : new JWK[] { EC, RSA }) {
			JWSAlgorithm algorithm = (key instanceof ECKey) ? JWSAlgorithm.ES256 : JWSAlgorithm.PS256;
			JWSObject jws = new JWSObject(new JWSHeader(algorithm), new Payload("{\"sub\":\"partner\"}"));
			jws.sign(JwsSignatures.signer(key));
			JWSObject parsed = JWSObject.parse(jws.serialize());
			assertThat(parsed.verify(JwsSignatures.verifier(parsed.getHeader(), key.toPublicJWK())))
				.as(algorithm.getName())
				.isTrue();
		}
	}

	@Test
	@DisplayName("FAPI2 SP §5.4.1: the allowed algorithms are exactly ES256 and PS256")
	void allowedAreExactlyTwo() {
		assertThat(JwsSignatures.ALLOWED).containsExactlyInAnyOrder(JWSAlgorithm.ES256, JWSAlgorithm.PS256);
	}

	static Stream<Arguments> refusals() {
		return Stream.of(row("HS256 (a shared secret)", JWSAlgorithm.HS256, HMAC, "is not allowed"),
				row("RS256 (PKCS#1 v1.5)", JWSAlgorithm.RS256, RSA.toPublicJWK(), "is not allowed"),
				row("ES384", JWSAlgorithm.ES384, EC_P384.toPublicJWK(), "is not allowed"),
				row("ES256K", JWSAlgorithm.ES256K, EC.toPublicJWK(), "is not allowed"),
				row("ES256 with an RSA key", JWSAlgorithm.ES256, RSA.toPublicJWK(), "does not fit"),
				row("ES256 with a P-384 key", JWSAlgorithm.ES256, EC_P384.toPublicJWK(), "does not fit"),
				row("PS256 with an EC key", JWSAlgorithm.PS256, EC.toPublicJWK(), "does not fit"),
				row("PS256 with a 1024-bit RSA key", JWSAlgorithm.PS256, RSA_1024.toPublicJWK(), "does not fit"),
				row("ES256 with a private key", JWSAlgorithm.ES256, EC, "private key"),
				row("PS256 with a private key", JWSAlgorithm.PS256, RSA, "private key"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	@DisplayName("FAPI2 SP §5.4.1, RFC8725 §3.1: no verifier for a refused algorithm or a key that does not fit it")
	void refusesAlgorithmAndKeyMismatches(String why, JWSAlgorithm algorithm, JWK key, String message) {
		assertThatExceptionOfType(JOSEException.class)
			.isThrownBy(() -> JwsSignatures.verifier(new JWSHeader(algorithm), key))
			.withMessageContaining(message);
	}

	@Test
	@DisplayName("FAPI2 SP §5.4.1: alg none never reaches a verifier: no JWS header can name it, no unsigned token parses as a JWS")
	void noneIsNoJws() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JWSHeader(new JWSAlgorithm("none")));
		assertThatExceptionOfType(ParseException.class).isThrownBy(() -> JWSObject.parse("eyJhbGciOiJub25lIn0.e30."));
	}

	@Test
	@DisplayName("FAPI2 SP §5.4.1: the server never signs with a shared secret")
	void noHmacSigner() {
		assertThatExceptionOfType(JOSEException.class).isThrownBy(() -> JwsSignatures.signer(HMAC))
			.withMessageContaining("Unsupported signing key type");
	}

	private static Arguments row(String why, JWSAlgorithm algorithm, JWK key, String message) {
		return Arguments.of(why, algorithm, key, message);
	}

	private static <K extends JWK> K generate(JWKGenerator<K> generator) {
		try {
			return generator.keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
