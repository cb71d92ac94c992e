package com.consentry.gateway.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer's keys as the gateway keeps them, read from a real JWKS endpoint on loopback
 * whose requests are counted: a made-up key id costs the issuer at most one request per 5
 * s, a new key is picked up, a withdrawn one is dropped after at most 5 minutes.
 */
class IssuerKeysTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final ECKey KEY = ecKey("issuer-es256-1");

	private static final ECKey NEXT_KEY = ecKey("issuer-es256-2");

	private JwksServer jwks;

	private MutableClock clock;

	private IssuerKeys keys;

	@BeforeEach
	void setUp() throws Exception {
		this.jwks = new JwksServer(new JWKSet(KEY));
		this.clock = new MutableClock(NOW);
		this.keys = new IssuerKeys(this.jwks.uri(), this.clock);
	}

	@AfterEach
	void tearDown() {
		this.jwks.close();
	}

	@Test
	@DisplayName("RFC 7517 §5: the issuer's public key is read from its JWKS by kid, once")
	void readsTheKeyOnce() {
		assertThat(this.keys.key(KEY.getKeyID())).isEqualTo(KEY.toPublicJWK());
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.keys.key(KEY.getKeyID())).isEqualTo(KEY.toPublicJWK());
		assertThat(this.jwks.requests()).isEqualTo(1);
	}

	@Test
	@DisplayName("OIDC Core §10.1.1: unknown kids make at most one JWKS request per 5 s, however many arrive")
	void unknownKidsRefreshAtMostOncePerInterval() {
		assertThat(this.keys.key(KEY.getKeyID())).isNotNull();
		assertThat(this.jwks.requests()).isEqualTo(1);
		for (int i = 0; i < 50; i++) {
			assertThat(this.keys.key("made-up-" + i)).isNull();
		}
		assertThat(this.jwks.requests()).isEqualTo(1);
		this.clock.advance(IssuerKeys.MIN_REFRESH_INTERVAL.minusMillis(1));
		assertThat(this.keys.key("made-up")).isNull();
		assertThat(this.jwks.requests()).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.keys.key("made-up")).isNull();
		assertThat(this.jwks.requests()).isEqualTo(2);
		for (int i = 0; i < 50; i++) {
			assertThat(this.keys.key("made-up-" + i)).isNull();
		}
		assertThat(this.jwks.requests()).isEqualTo(2);
		// the known key is still served from memory meanwhile
		assertThat(this.keys.key(KEY.getKeyID())).isNotNull();
		assertThat(this.jwks.requests()).isEqualTo(2);
	}

	@Test
	@DisplayName("OIDC Core §10.1.1: a key the issuer rotated in is picked up on the first unknown kid after the 5 s interval")
	void picksUpARotatedKey() {
		assertThat(this.keys.key(KEY.getKeyID())).isNotNull();
		this.jwks.serve(new JWKSet(List.of(KEY, NEXT_KEY)));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.keys.key(NEXT_KEY.getKeyID())).isNull();
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(this.keys.key(NEXT_KEY.getKeyID())).isEqualTo(NEXT_KEY.toPublicJWK());
		assertThat(this.keys.key(KEY.getKeyID())).isEqualTo(KEY.toPublicJWK());
		assertThat(this.jwks.requests()).isEqualTo(2);
	}

	@Test
	@DisplayName("OIDC Core §10.1.1: a key the issuer withdrew stops being accepted once the set is 5 minutes old")
	void dropsAWithdrawnKeyAfterMaxAge() {
		assertThat(this.keys.key(KEY.getKeyID())).isNotNull();
		this.jwks.serve(new JWKSet(NEXT_KEY));
		this.clock.advance(IssuerKeys.MAX_AGE.minusSeconds(1));
		assertThat(this.keys.key(KEY.getKeyID())).isNotNull();
		assertThat(this.jwks.requests()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.keys.key(KEY.getKeyID())).isNull();
		assertThat(this.jwks.requests()).isEqualTo(2);
	}

	@Test
	@DisplayName("RFC 7517 §5: when the JWKS endpoint fails, the keys known are kept")
	void keepsTheKnownKeysWhenTheIssuerFails() {
		assertThat(this.keys.key(KEY.getKeyID())).isNotNull();
		this.jwks.serveJson("{\"error\":\"unavailable\"}", 503);
		this.clock.advance(IssuerKeys.MAX_AGE);
		assertThat(this.keys.key(KEY.getKeyID())).isEqualTo(KEY.toPublicJWK());
		this.jwks.serveJson("not json", 200);
		this.clock.advance(IssuerKeys.MIN_REFRESH_INTERVAL);
		assertThat(this.keys.key(KEY.getKeyID())).isEqualTo(KEY.toPublicJWK());
		assertThat(this.jwks.requests()).isEqualTo(3);
	}

	@Test
	@DisplayName("RFC 7517 §5: a JWKS endpoint that cannot be reached means no key, not an error")
	void unreachableIssuer() {
		this.jwks.close();
		assertThat(this.keys.key(KEY.getKeyID())).isNull();
	}

	@Test
	@DisplayName("RFC 7517 §4.5: keys without kid, and private keys published by mistake, are not used")
	void ignoresKeysWithoutKidAndPrivateKeys() throws Exception {
		ECKey withoutKid = new ECKeyGenerator(Curve.P_256).generate();
		ECKey privateKey = ecKey("published-by-mistake");
		this.jwks.serveJson("{\"keys\":[" + KEY.toPublicJWK().toJSONString() + ","
				+ withoutKid.toPublicJWK().toJSONString() + "," + privateKey.toJSONString() + "]}", 200);
		assertThat(this.keys.key(KEY.getKeyID())).isNotNull();
		assertThat(this.keys.key("published-by-mistake")).isNull();
	}

	private static ECKey ecKey(String keyId) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
