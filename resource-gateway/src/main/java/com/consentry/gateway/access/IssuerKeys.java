package com.consentry.gateway.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization server's signing keys, read from its JWKS and kept. A token naming a
 * key id not yet known makes one refresh (at most one per {@link #MIN_REFRESH_INTERVAL},
 * so a flood of made-up key ids cannot hammer the issuer); the set is also refreshed
 * every {@link #MAX_AGE} so a key the issuer withdrew stops being accepted.
 */
final class IssuerKeys {

	private static final Logger logger = LoggerFactory.getLogger(IssuerKeys.class);

	static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(5);

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final int MAX_BYTES = 64 * 1024;

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final URI jwksUri;

	private final HttpClient http;

	private final Clock clock;

	private final ReentrantLock refreshing = new ReentrantLock();

	private volatile Map<String, JWK> keys = Map.of();

	private volatile Instant fetchedAt = Instant.EPOCH;

	private volatile Instant lastAttempt = Instant.EPOCH;

	IssuerKeys(URI jwksUri, Clock clock) {
		this.jwksUri = jwksUri;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The issuer's key with this id, or {@code null} when it has none. */
	@Nullable JWK key(String keyId) {
		Instant now = this.clock.instant();
		JWK key = this.keys.get(keyId);
		if (key != null && now.isBefore(this.fetchedAt.plus(MAX_AGE))) {
			return key;
		}
		refresh(now);
		return this.keys.get(keyId);
	}

	private void refresh(Instant now) {
		if (now.isBefore(this.lastAttempt.plus(MIN_REFRESH_INTERVAL))) {
			return;
		}
		// callers during a refresh wait for it (a key rotation must not give them a 401),
		// then find it done and use its result
		this.refreshing.lock();
		try {
			if (now.isBefore(this.lastAttempt.plus(MIN_REFRESH_INTERVAL))) {
				return;
			}
			this.lastAttempt = now;
			HttpRequest request = HttpRequest.newBuilder(this.jwksUri).timeout(TIMEOUT).GET().build();
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200 || response.body().length > MAX_BYTES) {
				logger.warn("The issuer's JWKS at {} answered {} ({} bytes); keeping the keys known", this.jwksUri,
						response.statusCode(), response.body().length);
				return;
			}
			JWKSet set = JWKSet.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
			this.keys = set.getKeys()
				.stream()
				.filter((jwk) -> jwk.getKeyID() != null && !jwk.isPrivate())
				.collect(Collectors.toUnmodifiableMap(JWK::getKeyID, (jwk) -> jwk, (first, second) -> first));
			this.fetchedAt = now;
		}
		catch (IOException | ParseException ex) {
			logger.warn("Could not read the issuer's JWKS at {}: {}", this.jwksUri, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.refreshing.unlock();
		}
	}

}
