package com.consentry.authz.clientauth;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.consentry.authz.clientauth.ClientAssertionRefusedException.Reason;
import com.consentry.fapi.jose.JwsSignatures;
import com.consentry.authz.replay.ReplayRegistry;
import com.consentry.registry.FapiClientSettings;
import com.consentry.registry.RegistryProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Verifies {@code private_key_jwt} client assertions for Spring Authorization Server's
 * {@code JwtClientAssertionAuthenticationProvider}, replacing its default decoder whose
 * audience rule is wider than FAPI 2.0 allows and which keeps no replay record.
 * <p>
 * Rules, each a refusal ({@code invalid_client}) when broken:
 * <ul>
 * <li>{@code alg} is the client's registered PS256 or ES256, the key one of its
 * registered keys (inline, or fetched from its {@code jwks_uri} by
 * {@link RemoteClientKeys}, never from an internal address);</li>
 * <li>{@code iss} and {@code sub} are the client id;</li>
 * <li>{@code aud} is the issuer identifier, as a single string (FAPI 2.0 SP
 * §5.3.2.1(8));</li>
 * <li>{@code exp} is present, in the future and at most five minutes away;
 * {@code iat}/{@code nbf} not more than 10 s ahead (SP §5.3.2.1(13));</li>
 * <li>{@code jti} is present and has not been used before, on any instance (RFC 7523
 * §3(7)).</li>
 * </ul>
 * Each refusal names its rule as a {@link ClientAssertionRefusedException.Reason}. The
 * partner's standing is checked once the client is authenticated
 * ({@link ActivePartnerAuthenticationProvider}).
 */
@Component
public final class ClientAssertionDecoderFactory implements JwtDecoderFactory<RegisteredClient> {

	private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

	private static final Duration FUTURE_SKEW = Duration.ofSeconds(10);

	private static final int MAX_ASSERTION_LENGTH = 8192;

	private final ReplayRegistry replay;

	private final AuthorizationServerSettings settings;

	private final Clock clock;

	private final RemoteClientKeys remoteKeys;

	public ClientAssertionDecoderFactory(ReplayRegistry replay, AuthorizationServerSettings settings, Clock clock,
			RegistryProperties registry) {
		Assert.notNull(replay, "replay cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(registry, "registry cannot be null");
		this.replay = replay;
		this.settings = settings;
		this.clock = clock;
		this.remoteKeys = new RemoteClientKeys(registry.jwksFetch());
	}

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		return (assertion) -> decode(client, assertion);
	}

	private Jwt decode(RegisteredClient client, String assertion) {
		if (assertion.length() > MAX_ASSERTION_LENGTH) {
			throw refused(Reason.TOO_LONG);
		}
		SignedJWT jwt;
		JWTClaimsSet claims;
		Map<String, Object> rawClaims;
		try {
			jwt = SignedJWT.parse(assertion);
			claims = jwt.getJWTClaimsSet();
			rawClaims = jwt.getPayload().toJSONObject();
		}
		catch (ParseException ex) {
			throw refused(Reason.MALFORMED);
		}
		JwsAlgorithm registered = client.getClientSettings().getTokenEndpointAuthenticationSigningAlgorithm();
		JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
		if (registered == null || !registered.getName().equals(algorithm.getName())) {
			throw refused(Reason.ALGORITHM_NOT_REGISTERED);
		}
		verifySignature(client, jwt);
		String clientId = client.getClientId();
		if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
			throw refused(Reason.NOT_THE_CLIENT);
		}
		// FAPI 2.0 SP §5.3.2.1(8): the issuer identifier only, as a JSON string, not an
		// array
		if (!(rawClaims.get("aud") instanceof String audience) || !audience.equals(this.settings.getIssuer())) {
			throw refused(Reason.WRONG_AUDIENCE);
		}
		Instant now = this.clock.instant();
		Date exp = claims.getExpirationTime();
		if (exp == null || !exp.toInstant().isAfter(now)) {
			throw refused(Reason.EXPIRED);
		}
		if (exp.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(FUTURE_SKEW))) {
			throw refused(Reason.LIVES_TOO_LONG);
		}
		for (Date notBefore : new Date[] { claims.getIssueTime(), claims.getNotBeforeTime() }) {
			if (notBefore != null && notBefore.toInstant().isAfter(now.plus(FUTURE_SKEW))) {
				throw refused(Reason.ISSUED_IN_FUTURE);
			}
		}
		String jti = claims.getJWTID();
		if (jti == null || jti.isEmpty() || jti.length() > 256) {
			throw refused(Reason.BAD_JTI);
		}
		if (!this.replay.firstUse(ReplayRegistry.Purpose.CLIENT_ASSERTION, clientId, jti, exp.toInstant())) {
			throw refused(Reason.REPLAYED);
		}
		return Jwt.withTokenValue(assertion).headers((h) -> h.putAll(jwt.getHeader().toJSONObject())).claims((c) -> {
			c.putAll(rawClaims);
			c.put("aud", List.of(audience));
			c.put("exp", exp.toInstant());
			if (claims.getIssueTime() != null) {
				c.put("iat", claims.getIssueTime().toInstant());
			}
			if (claims.getNotBeforeTime() != null) {
				c.put("nbf", claims.getNotBeforeTime().toInstant());
			}
		}).build();
	}

	private void verifySignature(RegisteredClient client, SignedJWT jwt) {
		JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
		List<JWK> candidates;
		try {
			candidates = clientKeys(client, selector);
		}
		catch (Exception ex) {
			throw refused(Reason.KEYS_UNREADABLE);
		}
		for (JWK key : candidates) {
			try {
				if (jwt.verify(JwsSignatures.verifier(jwt.getHeader(), key))) {
					return;
				}
			}
			catch (JOSEException ex) {
				// an unusable candidate key: try the next
			}
		}
		throw refused(Reason.BAD_SIGNATURE);
	}

	/**
	 * The client's registered keys that fit the assertion's header. For a
	 * {@code jwks_uri} client, a header naming a key the cached set lacks makes the set
	 * be fetched again (rate-limited), so a rotated key works.
	 */
	private List<JWK> clientKeys(RegisteredClient client, JWKSelector selector) throws KeySourceException {
		Optional<JWKSet> inline = FapiClientSettings.jwks(client);
		if (inline.isPresent()) {
			return selector.select(inline.get());
		}
		String jwkSetUrl = client.getClientSettings().getJwkSetUrl();
		if (jwkSetUrl == null) {
			return List.of();
		}
		return this.remoteKeys.select(jwkSetUrl, selector);
	}

	private static ClientAssertionRefusedException refused(Reason reason) {
		return new ClientAssertionRefusedException(reason);
	}

	/** The cache of partners' key sets at their {@code jwks_uri}, shared with mTLS. */
	RemoteClientKeys remoteKeys() {
		return this.remoteKeys;
	}

}
