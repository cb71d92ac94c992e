package com.consentry.authz.clientauth;

import java.time.Duration;
import java.util.List;

import com.consentry.registry.RegistryProperties;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RemoteClientKeys}.
 */
class RemoteClientKeysTests {

	@Test
	@DisplayName("RFC7591 §5: many clients' jwks_uri cannot grow the key set cache beyond its bound")
	void selectWhenMoreUrlsThanCacheSizeThenLeastRecentlyUsedDropped() {
		RemoteClientKeys keys = new RemoteClientKeys(
				new RegistryProperties.JwksFetch(false, List.of("keys.partner.example"), 2, Duration.ofSeconds(30)));
		JWKSelector any = new JWKSelector(new JWKMatcher.Builder().build());

		for (int i = 0; i < 5; i++) {
			String url = "https://client-" + i + ".attacker.example/jwks.json";
			// Refused by the allow-list before any lookup or connection.
			assertThatExceptionOfType(KeySourceException.class).isThrownBy(() -> keys.select(url, any));
		}

		assertThat(keys.size()).isEqualTo(2);
	}

	@Test
	@DisplayName("RFC7591 §5: the minimum refresh interval must be shorter than the cache's time to live")
	void constructWhenRefreshIntervalNotShorterThanTimeToLiveThenRefused() {
		RegistryProperties.JwksFetch fetch = new RegistryProperties.JwksFetch(false, List.of(), 10,
				RemoteClientKeys.TIME_TO_LIVE);

		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new RemoteClientKeys(fetch));
	}

}
