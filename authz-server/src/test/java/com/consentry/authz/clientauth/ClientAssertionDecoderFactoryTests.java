package com.consentry.authz.clientauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.consentry.authz.clientauth.ClientAssertionRefusedException.Reason;
import com.consentry.authz.replay.ReplayRegistry;
import com.consentry.registry.FapiClientSettings;
import com.consentry.registry.RateLimitTier;
import com.consentry.registry.RegistryProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * RFC 7523 §3 and FAPI 2.0 SP §5.3.2.1 client assertion checks, one rule per row, on a
 * fixed clock and without a server: Spring Authorization Server answers every refusal
 * with the same {@code invalid_client}, so only the reason tells which rule fired.
 */
class ClientAssertionDecoderFactoryTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final String ISSUER = "https://bank.example";

	private static final String CLIENT_ID = "partner-client";

	private static final ECKey KEY = ecKey();

	private static final RegisteredClient CLIENT = RegisteredClient.withId("1")
		.clientId(CLIENT_ID)
		.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("https://partner.example/callback")
		.clientSettings(ClientSettings.builder()
			.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256)
			.setting(FapiClientSettings.JWKS, new JWKSet(KEY.toPublicJWK()).toString())
			.build())
		.build();

	private final Set<String> usedJtis = new HashSet<>();

	private JwtDecoder decoder;

	@BeforeEach
	void setUp() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		ReplayRegistry replay = new ReplayRegistry(mock(JdbcClient.class), clock) {

			@Override
			public boolean firstUse(Purpose purpose, String scope, String value, Instant keepUntil) {
				return ClientAssertionDecoderFactoryTests.this.usedJtis.add(purpose + scope + value);
			}

		};
		RegistryProperties registry = new RegistryProperties(
				new RegistryProperties.Directory(null, null, null, Duration.ofMinutes(5), null), List.of(), false,
				false, new RegistryProperties.JwksFetch(false, List.of(), 10, Duration.ofSeconds(30)),
				new RegistryProperties.DefaultPolicy(List.of("ACCOUNT_BASIC"), 365, 730, RateLimitTier.STANDARD));
		this.decoder = new ClientAssertionDecoderFactory(replay,
				AuthorizationServerSettings.builder().issuer(ISSUER).build(), clock, registry)
			.createDecoder(CLIENT);
	}

	@Test
	@DisplayName("RFC7523 §3: an assertion that keeps every rule is accepted, its aud read as the issuer")
	void acceptsAGoodAssertion() throws Exception {
		Jwt jwt = this.decoder.decode(signed((claims) -> {
		}));
		assertThat(jwt.getSubject()).isEqualTo(CLIENT_ID);
		assertThat(jwt.getAudience()).containsExactly(ISSUER);
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1(13): iat and nbf 10 s ahead and five minutes (plus that skew) to live are accepted")
	void acceptsAtTheEdges() throws Exception {
		String assertion = signed((claims) -> {
			claims.put("iat", NOW.plusSeconds(10).getEpochSecond());
			claims.put("nbf", NOW.plusSeconds(10).getEpochSecond());
			claims.put("exp", NOW.plus(Duration.ofMinutes(5)).plusSeconds(10).getEpochSecond());
		});
		assertThat(this.decoder.decode(assertion).getId()).isNotNull();
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				row("§3(1) iss is not the client", (c) -> c.put("iss", "another-client"), Reason.NOT_THE_CLIENT),
				row("§3(2) sub is not the client", (c) -> c.put("sub", "another-client"), Reason.NOT_THE_CLIENT),
				row("§3(3), FAPI2 SP §5.3.2.1(8) aud is the token endpoint, not the issuer",
						(c) -> c.put("aud", ISSUER + "/oauth2/token"), Reason.WRONG_AUDIENCE),
				row("§3(3), FAPI2 SP §5.3.2.1(8) aud is the issuer inside an array",
						(c) -> c.put("aud", List.of(ISSUER)), Reason.WRONG_AUDIENCE),
				row("§3(3) no aud", (c) -> c.remove("aud"), Reason.WRONG_AUDIENCE),
				row("§3(4) no exp", (c) -> c.remove("exp"), Reason.EXPIRED),
				row("§3(4) exp is now", (c) -> c.put("exp", NOW.getEpochSecond()), Reason.EXPIRED),
				row("§3(4), FAPI2 SP §5.3.2.1 exp more than five minutes (plus 10 s skew) away",
						(c) -> c.put("exp", NOW.plus(Duration.ofMinutes(5)).plusSeconds(11).getEpochSecond()),
						Reason.LIVES_TOO_LONG),
				row("§3(5), FAPI2 SP §5.3.2.1(13) nbf 11 s ahead",
						(c) -> c.put("nbf", NOW.plusSeconds(11).getEpochSecond()), Reason.ISSUED_IN_FUTURE),
				row("§3(6), FAPI2 SP §5.3.2.1(13) iat 11 s ahead",
						(c) -> c.put("iat", NOW.plusSeconds(11).getEpochSecond()), Reason.ISSUED_IN_FUTURE),
				row("§3(7) no jti", (c) -> c.remove("jti"), Reason.BAD_JTI),
				row("§3(7) an empty jti", (c) -> c.put("jti", ""), Reason.BAD_JTI),
				row("§3(7) a jti longer than 256 characters", (c) -> c.put("jti", "j".repeat(257)), Reason.BAD_JTI),
				row("§3 longer than any honest assertion", (c) -> c.put("padding", "p".repeat(8192)), Reason.TOO_LONG));
	}

	@ParameterizedTest(name = "RFC7523 {0}")
	@MethodSource("refusals")
	@DisplayName("RFC7523 §3: each broken claim rule is refused for its own reason")
	void refusesForTheRightReason(String why, Consumer<Map<String, Object>> change, Reason reason) throws Exception {
		assertRefused(signed(change), reason);
	}

	@Test
	@DisplayName("RFC7523 §3(9): an assertion signed by a key the client did not register is refused")
	void unregisteredKey() throws Exception {
		ECKey other = new ECKeyGenerator(Curve.P_256).keyID(KEY.getKeyID()).generate();
		assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(), goodClaims(),
				new ECDSASigner(other)), Reason.BAD_SIGNATURE);
	}

	@Test
	@DisplayName("FAPI2 SP §5.4.1: PS256, RS256 and HS256 assertions of an ES256 client are refused before any key is tried")
	void otherAlgorithms() throws Exception {
		RSAKey rsa = new RSAKeyGenerator(2048).generate();
		assertRefused(sign(new JWSHeader(JWSAlgorithm.PS256), goodClaims(), new RSASSASigner(rsa)),
				Reason.ALGORITHM_NOT_REGISTERED);
		assertRefused(sign(new JWSHeader(JWSAlgorithm.RS256), goodClaims(), new RSASSASigner(rsa)),
				Reason.ALGORITHM_NOT_REGISTERED);
		assertRefused(sign(new JWSHeader(JWSAlgorithm.HS256), goodClaims(), new MACSigner(new byte[32])),
				Reason.ALGORITHM_NOT_REGISTERED);
	}

	@Test
	@DisplayName("FAPI2 SP §5.4.1: an unsigned (alg none) or unparsable assertion is refused as not a signed JWT")
	void notASignedJwt() throws Exception {
		String[] parts = signed((claims) -> {
		}).split("\\.");
		String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
		assertRefused(unsigned, Reason.MALFORMED);
		assertRefused("not-a-jwt", Reason.MALFORMED);
	}

	@Test
	@DisplayName("RFC7523 §3(7): the same assertion twice is refused the second time as a replay")
	void replayIsRefused() throws Exception {
		String assertion = signed((claims) -> {
		});
		this.decoder.decode(assertion);
		assertRefused(assertion, Reason.REPLAYED);
	}

	private void assertRefused(String assertion, Reason reason) {
		assertThatExceptionOfType(ClientAssertionRefusedException.class)
			.isThrownBy(() -> this.decoder.decode(assertion))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(reason));
	}

	private static Map<String, Object> goodClaims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", CLIENT_ID);
		claims.put("sub", CLIENT_ID);
		claims.put("aud", ISSUER);
		claims.put("jti", UUID.randomUUID().toString());
		claims.put("iat", NOW.getEpochSecond());
		claims.put("exp", NOW.plusSeconds(60).getEpochSecond());
		return claims;
	}

	private static String signed(Consumer<Map<String, Object>> change) throws JOSEException {
		Map<String, Object> claims = goodClaims();
		change.accept(claims);
		return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(), claims,
				new ECDSASigner(KEY));
	}

	// Claims as a JSON map, not a JWTClaimsSet: Nimbus would write a one-element aud
	// array as a string
	private static String sign(JWSHeader header, Map<String, Object> claims, JWSSigner signer) throws JOSEException {
		JWSObject jws = new JWSObject(header, new Payload(claims));
		jws.sign(signer);
		return jws.serialize();
	}

	private static Arguments row(String why, Consumer<Map<String, Object>> change, Reason reason) {
		return Arguments.of(why, change, reason);
	}

	private static ECKey ecKey() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
