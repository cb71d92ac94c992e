package com.consentry.fapi.dpop;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.consentry.fapi.dpop.DpopProofException.Reason;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * RFC 9449 §4.3 proof checks, one rule per row, on a fixed clock and without a server:
 * each refused proof must be refused for the reason the row names, not merely with
 * {@code invalid_dpop_proof}.
 */
class DpopProofVerifierTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final URI TOKEN_ENDPOINT = URI.create("https://bank.example/oauth2/token");

	private static final ECKey KEY = newKey();

	private final Set<String> usedJtis = new HashSet<>();

	private DpopNonces nonces;

	private DpopProofVerifier verifier;

	@BeforeEach
	void setUp() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		this.nonces = new DpopNonces(new byte[32], Duration.ofSeconds(60), clock);
		DpopReplayCheck replay = (jkt, jti, keepUntil) -> this.usedJtis.add(jkt + " " + jti);
		this.verifier = new DpopProofVerifier(replay, this.nonces, true, Duration.ofSeconds(60), clock);
	}

	@Test
	@DisplayName("RFC9449 §4.3: a proof that keeps every rule is accepted and names its key's thumbprint")
	void acceptsAGoodProof() throws Exception {
		DpopProof proof = this.verifier.verify(sign(goodHeader(), goodClaims().build()), "POST", TOKEN_ENDPOINT, null);
		assertThat(proof.jkt()).isEqualTo(KEY.computeThumbprint().toString());
		assertThat(proof.issuedAt()).isEqualTo(NOW);
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				row("§4.3(4) typ other than dpop+jwt", (h) -> new JWSHeader.Builder(h).type(JOSEObjectType.JWT).build(),
						UnaryOperator.identity(), Reason.WRONG_TYPE),
				row("§4.3(5) no jwk in the header", (h) -> new JWSHeader.Builder(h).jwk(null).build(),
						UnaryOperator.identity(), Reason.NO_KEY),
				row("§4.3(7) signed by another key than the header's",
						(h) -> new JWSHeader.Builder(h).jwk(newKey().toPublicJWK()).build(), UnaryOperator.identity(),
						Reason.BAD_SIGNATURE),
				row("§4.2 no jti", UnaryOperator.identity(), (c) -> c.jwtID(null), Reason.BAD_JTI),
				row("§4.3(8) htm of another method", UnaryOperator.identity(), (c) -> c.claim("htm", "GET"),
						Reason.HTM_MISMATCH),
				row("§4.3(9) htu of another endpoint", UnaryOperator.identity(),
						(c) -> c.claim("htu", "https://bank.example/oauth2/par"), Reason.HTU_MISMATCH),
				row("§4.2 no iat", UnaryOperator.identity(), (c) -> c.issueTime(null), Reason.NO_IAT),
				row("§4.3(11) iat 11 s ahead (FAPI2 SP §5.3.2.1(13) allows 10 s)", UnaryOperator.identity(),
						(c) -> c.issueTime(Date.from(NOW.plusSeconds(11))), Reason.IAT_IN_FUTURE),
				row("§4.3(11) iat older than the proof lifetime", UnaryOperator.identity(),
						(c) -> c.issueTime(Date.from(NOW.minusSeconds(61))), Reason.TOO_OLD),
				row("§8 no nonce where the server requires one", UnaryOperator.identity(),
						(c) -> c.claim("nonce", null), Reason.NONCE_MISSING),
				row("§8 a nonce the server never issued", UnaryOperator.identity(), (c) -> c.claim("nonce", "AAAA"),
						Reason.NONCE_STALE));
	}

	@ParameterizedTest(name = "RFC9449 {0}")
	@MethodSource("refusals")
	@DisplayName("RFC9449 §4.3: each broken rule is refused for its own reason")
	void refusesForTheRightReason(String why, UnaryOperator<JWSHeader> header,
			UnaryOperator<JWTClaimsSet.Builder> claims, Reason reason) throws Exception {
		String proof = sign(header.apply(goodHeader()), claims.apply(goodClaims()).build());
		assertThatExceptionOfType(DpopProofException.class)
			.isThrownBy(() -> this.verifier.verify(proof, "POST", TOKEN_ENDPOINT, null))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(reason));
	}

	@Test
	@DisplayName("RFC9449 §8: a nonce of three steps ago is stale, one of two steps ago still accepted")
	void nonceWindow() throws Exception {
		DpopNonces earlier = new DpopNonces(new byte[32], Duration.ofSeconds(60),
				Clock.fixed(NOW.minusSeconds(120), ZoneOffset.UTC));
		assertThat(this.nonces.isValid(earlier.current())).isTrue();
		DpopNonces tooEarly = new DpopNonces(new byte[32], Duration.ofSeconds(60),
				Clock.fixed(NOW.minusSeconds(180), ZoneOffset.UTC));
		assertThat(this.nonces.isValid(tooEarly.current())).isFalse();
		DpopNonces otherServer = new DpopNonces(secretOf(1), Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(this.nonces.isValid(otherServer.current())).as("another server's key").isFalse();
	}

	@Test
	@DisplayName("RFC9449 §4.3(6): a private key in the header is refused before anything else is read")
	void privateKeyInTheHeader() throws Exception {
		String good = sign(goodHeader(), goodClaims().build());
		String[] parts = good.split("\\.");
		Map<String, Object> header = new LinkedHashMap<>(goodHeader().toJSONObject());
		header.put("jwk", KEY.toJSONObject());
		String proof = Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "." + parts[1] + "." + parts[2];
		// Nimbus refuses such a header while parsing, so the verifier's own private-key
		// check is a second line
		assertThatExceptionOfType(DpopProofException.class)
			.isThrownBy(() -> this.verifier.verify(proof, "POST", TOKEN_ENDPOINT, null))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.MALFORMED));
	}

	@Test
	@DisplayName("RFC9449 §11.1: the same proof twice is refused the second time as a replay")
	void replayIsRefused() throws Exception {
		String proof = sign(goodHeader(), goodClaims().build());
		this.verifier.verify(proof, "POST", TOKEN_ENDPOINT, null);
		assertThatExceptionOfType(DpopProofException.class)
			.isThrownBy(() -> this.verifier.verify(proof, "POST", TOKEN_ENDPOINT, null))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.REPLAYED));
	}

	@Test
	@DisplayName("RFC9449 §4.3(12): at a resource, ath must be the hash of the presented access token")
	void athMustMatch() throws Exception {
		String proof = sign(goodHeader(), goodClaims().claim("ath", DpopProofVerifier.sha256("another-token")).build());
		assertThatExceptionOfType(DpopProofException.class)
			.isThrownBy(() -> this.verifier.verify(proof, "POST", TOKEN_ENDPOINT, "the-token"))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.ATH_MISMATCH));
	}

	private JWSHeader goodHeader() {
		return new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
			.jwk(KEY.toPublicJWK())
			.build();
	}

	private JWTClaimsSet.Builder goodClaims() {
		return new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
			.claim("htm", "POST")
			.claim("htu", TOKEN_ENDPOINT.toString())
			.issueTime(Date.from(NOW))
			.claim("nonce", this.nonces.current());
	}

	private static String sign(JWSHeader header, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(header, claims);
		jwt.sign(new ECDSASigner(KEY));
		return jwt.serialize();
	}

	private static byte[] secretOf(int fill) {
		byte[] secret = new byte[32];
		Arrays.fill(secret, (byte) fill);
		return secret;
	}

	private static Arguments row(String why, UnaryOperator<JWSHeader> header,
			UnaryOperator<JWTClaimsSet.Builder> claims, Reason reason) {
		return Arguments.of(why, header, claims, reason);
	}

	private static ECKey newKey() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
