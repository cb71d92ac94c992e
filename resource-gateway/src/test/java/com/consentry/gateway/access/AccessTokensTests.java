package com.consentry.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.consentry.gateway.fdx.FdxRefusal;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gateway's access token checks (RFC 9068 §4, FAPI 2.0 SP §5.3.4) against a real JWKS
 * on loopback and a clock moved by hand: one rule per refused row, each refused for the
 * rule it names (by message), always as 401 {@code 603} with a DPoP {@code invalid_token}
 * challenge.
 */
class AccessTokensTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final String ISSUER = "https://bank.example";

	private static final String AUDIENCE = "https://api.bank.example";

	private static final String KEY_ID = "issuer-es256-1";

	private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

	private static final ECKey KEY = ecKey(KEY_ID);

	/** Another issuer's key that happens to carry the issuer's key id. */
	private static final ECKey IMPOSTOR_KEY = ecKey(KEY_ID);

	private static final RSAKey RSA_KEY = rsaKey("issuer-ps256-1");

	private static final String JKT = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I";

	private JwksServer jwks;

	private MutableClock clock;

	private AccessTokens tokens;

	@BeforeEach
	void setUp() throws Exception {
		this.jwks = new JwksServer(new JWKSet(List.of(KEY, RSA_KEY)));
		this.clock = new MutableClock(NOW);
		this.tokens = tokens(100);
	}

	@AfterEach
	void tearDown() {
		this.jwks.close();
	}

	@Test
	@DisplayName("RFC 9068 §4, FAPI 2.0 SP §5.3.4: an ES256 at+jwt of the issuer for this audience, live, DPoP-bound, naming partner and consent is accepted")
	void acceptsAGoodToken() throws Exception {
		String token = token(UnaryOperator.identity(), UnaryOperator.identity());
		AccessToken accepted = this.tokens.verify(token);
		assertThat(accepted.clientId()).isEqualTo("partner-1");
		assertThat(accepted.consentId()).isEqualTo("consent-1");
		assertThat(accepted.jkt()).isEqualTo(JKT);
		assertThat(accepted.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
		assertThat(accepted.digest())
			.isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.jwks.requests()).isEqualTo(1);
	}

	@Test
	@DisplayName("FAPI 2.0 SP §5.4.1: a PS256 token from the issuer's RSA key is accepted")
	void acceptsPs256() {
		String token = sign(new JWSHeader.Builder(JWSAlgorithm.PS256).type(AT_JWT).keyID(RSA_KEY.getKeyID()).build(),
				claims().build(), rsaSigner());
		assertThat(this.tokens.verify(token).consentId()).isEqualTo("consent-1");
	}

	@Test
	@DisplayName("RFC 9068 §3: aud may be an array; one naming this resource server is accepted")
	void acceptsAnAudienceArray() {
		String token = token(UnaryOperator.identity(),
				(claims) -> claims.audience(List.of("https://other-rs.example", AUDIENCE)));
		assertThat(this.tokens.verify(token).clientId()).isEqualTo("partner-1");
	}

	@Test
	@DisplayName("RFC 7515 §4.1.9: typ is a media type, compared case-insensitively (AT+JWT is accepted)")
	void acceptsTypeInOtherCase() {
		String token = token((header) -> header.type(new JOSEObjectType("AT+JWT")), UnaryOperator.identity());
		assertThat(this.tokens.verify(token).clientId()).isEqualTo("partner-1");
	}

	@Test
	@DisplayName("RFC 9068 §4: typ application/at+jwt is accepted as well as at+jwt")
	void acceptsTheFullMediaType() {
		String token = token((header) -> header.type(new JOSEObjectType("application/at+jwt")),
				UnaryOperator.identity());
		assertThat(this.tokens.verify(token).clientId()).isEqualTo("partner-1");
	}

	@Test
	@DisplayName("RFC 7519 §4.1.4: a token expired less than the 5 s clock skew ago is still accepted")
	void acceptsWithinTheClockSkewOfExpiry() {
		String token = token(UnaryOperator.identity(),
				(claims) -> claims.expirationTime(Date.from(NOW.minusSeconds(4))));
		assertThat(this.tokens.verify(token).expiresAt()).isEqualTo(NOW.minusSeconds(4));
	}

	@Test
	@DisplayName("RFC 7519 §4.1.5: a token whose nbf is less than the 5 s clock skew ahead is accepted")
	void acceptsWithinTheClockSkewOfNotBefore() {
		String token = token(UnaryOperator.identity(), (claims) -> claims.notBeforeTime(Date.from(NOW.plusSeconds(4))));
		assertThat(this.tokens.verify(token).clientId()).isEqualTo("partner-1");
	}

	static Stream<Arguments> refusals() {
		UnaryOperator<JWSHeader.Builder> anyHeader = UnaryOperator.identity();
		UnaryOperator<JWTClaimsSet.Builder> anyClaims = UnaryOperator.identity();
		return Stream.of(
				row("RFC 9068 §4: typ JWT instead of at+jwt is refused",
						token((h) -> h.type(JOSEObjectType.JWT), anyClaims), "not of type at+jwt"),
				row("RFC 9068 §4: a token without typ is refused", token((h) -> h.type(null), anyClaims),
						"not of type at+jwt"),
				row("RFC 9068 §4: a DPoP proof (typ dpop+jwt) is not an access token",
						token((h) -> h.type(new JOSEObjectType("dpop+jwt")), anyClaims), "not of type at+jwt"),
				row("RFC 9068 §4, RFC 7515 §4.1.4: a kid the issuer does not publish is refused",
						token((h) -> h.keyID("unknown-key"), anyClaims), "not signed by a key of the issuer"),
				row("RFC 9068 §4: a token naming no kid is refused", token((h) -> h.keyID(null), anyClaims),
						"not signed by a key of the issuer"),
				row("RFC 9068 §4: another issuer's key under the issuer's kid does not verify",
						sign(header().build(), claims().build(), ecSigner(IMPOSTOR_KEY)), "signature does not verify"),
				row("RFC 9068 §4: a token altered after signing does not verify", tampered(),
						"signature does not verify"),
				row("RFC 9068 §4: iss of another issuer is refused",
						token(anyHeader, (c) -> c.issuer("https://other-bank.example")), "from another issuer"),
				row("RFC 9068 §4: a token without iss is refused", token(anyHeader, (c) -> c.issuer(null)),
						"from another issuer"),
				row("RFC 9068 §4: a token for another audience is refused",
						token(anyHeader, (c) -> c.audience("https://other-rs.example")),
						"not meant for this resource server"),
				row("RFC 9068 §4: a token without aud is refused", token(anyHeader, (c) -> c.audience((String) null)),
						"not meant for this resource server"),
				row("RFC 9068 §4, RFC 7519 §4.1.4: a token expired 5 s ago (the clock skew) is refused",
						token(anyHeader, (c) -> c.expirationTime(Date.from(NOW.minusSeconds(5)))), "has expired"),
				row("RFC 9068 §4: a token expired an hour ago is refused",
						token(anyHeader, (c) -> c.expirationTime(Date.from(NOW.minusSeconds(3600)))), "has expired"),
				row("RFC 9068 §2.2: a token without exp is refused", token(anyHeader, (c) -> c.expirationTime(null)),
						"has expired"),
				row("RFC 7519 §4.1.5: a token whose nbf is a minute ahead is refused",
						token(anyHeader, (c) -> c.notBeforeTime(Date.from(NOW.plusSeconds(60)))), "not valid yet"),
				row("RFC 9449 §6.1: a token without cnf is not DPoP-bound and is refused",
						token(anyHeader, (c) -> c.claim("cnf", null)),
						"not bound to a DPoP key or a client certificate"),
				row("RFC 9449 §6.1: a cnf without jkt or x5t#S256 is refused",
						token(anyHeader, (c) -> c.claim("cnf", Map.of("x5t", JKT))),
						"not bound to a DPoP key or a client certificate"),
				row("RFC 8705 §3.1, RFC 9449 §6.1: a cnf with both jkt and x5t#S256 is refused (one binding)",
						token(anyHeader, (c) -> c.claim("cnf", Map.of("jkt", JKT, "x5t#S256", JKT))),
						"not bound to a DPoP key or a client certificate"),
				row("RFC 9449 §6.1: an empty cnf.jkt is refused",
						token(anyHeader, (c) -> c.claim("cnf", Map.of("jkt", ""))),
						"not bound to a DPoP key or a client certificate"),
				row("RFC 9449 §6.1: a cnf that is not an object is refused",
						token(anyHeader, (c) -> c.claim("cnf", JKT)),
						"not bound to a DPoP key or a client certificate"),
				row("RFC 9068 §2.2: a token without client_id is refused",
						token(anyHeader, (c) -> c.claim("client_id", null)), "names no partner or consent"),
				row("FDX consent: a token without fdxConsentId is refused",
						token(anyHeader, (c) -> c.claim("fdxConsentId", null)), "names no partner or consent"),
				row("FDX consent: an fdxConsentId that is not a string is refused",
						token(anyHeader, (c) -> c.claim("fdxConsentId", 42)), "names no partner or consent"),
				row("FAPI 2.0 SP §5.4.1: RS256, even from the issuer's RSA key, is refused",
						sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(AT_JWT).keyID(RSA_KEY.getKeyID()).build(),
								claims().build(), rsaSigner()),
						"algorithm or key is not acceptable"),
				row("FAPI 2.0 SP §5.4.1, RFC 8725 §3.1: HS256 keyed with the issuer's public key is refused",
						sign(new JWSHeader.Builder(JWSAlgorithm.HS256).type(AT_JWT).keyID(KEY_ID).build(),
								claims().build(), macSigner()),
						"algorithm or key is not acceptable"),
				row("RFC 8725 §3.1: PS256 naming the issuer's EC key is refused (the key decides the algorithm)",
						sign(new JWSHeader.Builder(JWSAlgorithm.PS256).type(AT_JWT).keyID(KEY_ID).build(),
								claims().build(), rsaSigner()),
						"algorithm or key is not acceptable"),
				row("RFC 8725 §3.1: an unsigned token (alg none) is refused", unsecured(), "not a signed JWT"),
				row("RFC 9068 §4: something that is not a JWT is refused", "not-a-jwt", "not a signed JWT"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	@DisplayName("RFC 9068 §4, FAPI 2.0 SP §5.3.4: a token breaking one rule is refused for that rule")
	void refuses(String rule, String token, String reason) {
		FdxRefusal refusal = refusal(() -> this.tokens.verify(token));
		assertThat(refusal.getMessage()).contains(reason);
	}

	@Test
	@DisplayName("RFC 6750 §3.1, RFC 9449 §7.1: a refused token is 401 603 with a DPoP invalid_token challenge")
	void refusalIsAnFdxUnauthenticatedError() {
		FdxRefusal refusal = refusal(() -> this.tokens.verify("not-a-jwt"));
		assertThat(refusal.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(refusal.code()).isEqualTo("603");
		assertThat(refusal.reason()).isEqualTo("invalid_token");
		assertThat(refusal.wwwAuthenticate()).startsWith("DPoP ").contains("error=\"invalid_token\"");
	}

	@Test
	@DisplayName("RFC 8725 §3.1: a token longer than 8 KiB is refused before it is parsed or any key is fetched")
	void refusesATooLongToken() {
		String token = token(UnaryOperator.identity(), (claims) -> claims.claim("padding", "x".repeat(8192)));
		FdxRefusal refusal = refusal(() -> this.tokens.verify(token));
		assertThat(refusal.getMessage()).contains("too long");
		assertThat(refusal.code()).isEqualTo("603");
		assertThat(this.jwks.requests()).isZero();
	}

	@Test
	@DisplayName("OIDC Core §10.1.1: tokens with made-up kids cost the issuer at most one JWKS request per 5 s")
	void madeUpKeyIdsDoNotHammerTheIssuer() {
		for (int i = 0; i < 20; i++) {
			String kid = "made-up-" + i;
			String token = token((header) -> header.keyID(kid), UnaryOperator.identity());
			assertThat(refusal(() -> this.tokens.verify(token)).getMessage())
				.contains("not signed by a key of the issuer");
		}
		assertThat(this.jwks.requests()).isEqualTo(1);
		this.clock.advance(IssuerKeys.MIN_REFRESH_INTERVAL);
		String token = token((header) -> header.keyID("made-up-again"), UnaryOperator.identity());
		refusal(() -> this.tokens.verify(token));
		assertThat(this.jwks.requests()).isEqualTo(2);
	}

	@Test
	@DisplayName("RFC 9068 §4: a verified token is remembered: the same answer, no key fetched, even once the issuer's keys changed")
	void cacheAnswersWithoutRefetching() throws Exception {
		String token = token(UnaryOperator.identity(),
				(claims) -> claims.expirationTime(Date.from(NOW.plus(Duration.ofHours(1)))));
		AccessToken first = this.tokens.verify(token);
		assertThat(this.jwks.requests()).isEqualTo(1);
		// past IssuerKeys.MAX_AGE, with the key withdrawn: only the cache can still
		// answer
		this.jwks.serve(new JWKSet());
		this.clock.advance(IssuerKeys.MAX_AGE.plusMinutes(1));
		assertThat(this.tokens.verify(token)).isSameAs(first);
		assertThat(this.jwks.requests()).isEqualTo(1);
		// a token not seen before is checked, against the keys as they are now
		String fresh = token(UnaryOperator.identity(),
				(claims) -> claims.expirationTime(Date.from(NOW.plus(Duration.ofHours(1)))));
		assertThat(refusal(() -> this.tokens.verify(fresh)).getMessage()).contains("not signed by a key of the issuer");
		assertThat(this.jwks.requests()).isEqualTo(2);
	}

	@Test
	@DisplayName("RFC 9068 §4: a remembered token is refused once it has expired")
	void cachedTokenExpires() {
		String token = token(UnaryOperator.identity(),
				(claims) -> claims.expirationTime(Date.from(NOW.plusSeconds(60))));
		this.tokens.verify(token);
		this.clock.advance(Duration.ofSeconds(64));
		assertThat(this.tokens.verify(token).consentId()).isEqualTo("consent-1");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(refusal(() -> this.tokens.verify(token)).getMessage()).contains("has expired");
		assertThat(refusal(() -> this.tokens.verify(token)).getMessage()).contains("has expired");
	}

	@Test
	@DisplayName("RFC 9068 §4: the cache is bounded; a token pushed out of it is checked again")
	void cacheIsBounded() throws Exception {
		this.tokens = tokens(1);
		String first = token(UnaryOperator.identity(), UnaryOperator.identity());
		String second = token(UnaryOperator.identity(), UnaryOperator.identity());
		this.tokens.verify(first);
		this.tokens.verify(second);
		this.jwks.serve(new JWKSet());
		this.clock.advance(IssuerKeys.MAX_AGE);
		assertThat(refusal(() -> this.tokens.verify(first)).getMessage()).contains("not signed by a key of the issuer");
	}

	private AccessTokens tokens(int capacity) {
		return new AccessTokens(new IssuerKeys(this.jwks.uri(), this.clock), ISSUER, AUDIENCE, this.clock, capacity);
	}

	private static Arguments row(String rule, String token, String reason) {
		return Arguments.of(rule, token, reason);
	}

	private static JWSHeader.Builder header() {
		return new JWSHeader.Builder(JWSAlgorithm.ES256).type(AT_JWT).keyID(KEY_ID);
	}

	private static JWTClaimsSet.Builder claims() {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject("customer-1")
			.issueTime(Date.from(NOW))
			.expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString())
			.claim("client_id", "partner-1")
			.claim("fdxConsentId", "consent-1")
			.claim("scope", "fdx:accountbasic:read")
			.claim("cnf", Map.of("jkt", JKT));
	}

	/** An ES256 token of the issuer, header and claims adjusted. */
	private static String token(UnaryOperator<JWSHeader.Builder> header, UnaryOperator<JWTClaimsSet.Builder> claims) {
		return sign(header.apply(header()).build(), claims.apply(claims()).build(), ecSigner(KEY));
	}

	private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(signer);
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A good token whose payload names another consent after it was signed. */
	private static String tampered() {
		String[] parts = token(UnaryOperator.identity(), UnaryOperator.identity()).split("\\.");
		String payload = base64Url(claims().claim("fdxConsentId", "consent-2").build().toString());
		return parts[0] + "." + payload + "." + parts[2];
	}

	private static String unsecured() {
		String header = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + KEY_ID + "\"}");
		return header + "." + base64Url(claims().build().toString()) + ".";
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static JWSSigner ecSigner(ECKey key) {
		try {
			return new ECDSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWSSigner rsaSigner() {
		try {
			return new RSASSASigner(RSA_KEY);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * HMAC keyed with the issuer's published key: the RFC 8725 §2.1 algorithm confusion.
	 */
	private static JWSSigner macSigner() {
		try {
			return new MACSigner(KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static FdxRefusal refusal(Runnable call) {
		return assertThatExceptionOfType(FdxRefusal.class).isThrownBy(call::run).actual();
	}

	private static ECKey ecKey(String keyId) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey rsaKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
