package com.consentry.authz.clientauth;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.consentry.registry.JwksRetriever;
import com.consentry.registry.RegistryProperties;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.util.Assert;

/**
 * The key sets of clients registered with a {@code jwks_uri}, fetched through a
 * {@link JwksRetriever} (https only, no internal addresses outside the default run, no
 * redirects, 2 s timeouts, a size limit). At most {@code cacheSize} URLs are remembered,
 * the least recently used dropped first, so that many clients cannot grow memory without
 * bound. Each set is cached for {@link #TIME_TO_LIVE} and fetched again when a client
 * names a {@code kid} it lacks, at most once per minimum refresh interval.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2">RFC 7591 §2
 * (jwks_uri)</a>
 */
final class RemoteClientKeys {

	static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

	private static final int TIMEOUT_MILLIS = 2000;

	private static final int SIZE_LIMIT = 64 * 1024;

	private final JwksRetriever retriever;

	private final Duration minRefreshInterval;

	private final Map<String, JWKSource<SecurityContext>> sources;

	RemoteClientKeys(RegistryProperties.JwksFetch fetch) {
		Assert.notNull(fetch, "fetch cannot be null");
		Assert.isTrue(fetch.minRefreshInterval().compareTo(TIME_TO_LIVE) < 0,
				"consentry.registry.jwks-fetch.min-refresh-interval must be shorter than " + TIME_TO_LIVE);
		this.retriever = new JwksRetriever(fetch, TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT);
		this.minRefreshInterval = fetch.minRefreshInterval();
		int cacheSize = fetch.cacheSize();
		this.sources = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, JWKSource<SecurityContext>> eldest) {
				return size() > cacheSize;
			}

		};
	}

	/**
	 * The keys at {@code jwksUri} that {@code selector} picks, from the cache or, when it
	 * has none that fit, freshly fetched (rate-limited).
	 * @throws KeySourceException when the set cannot be fetched or read
	 */
	List<JWK> select(String jwksUri, JWKSelector selector) throws KeySourceException {
		return source(jwksUri).get(selector, null);
	}

	/** How many URLs are remembered now. */
	synchronized int size() {
		return this.sources.size();
	}

	private synchronized JWKSource<SecurityContext> source(String jwksUri) {
		return this.sources.computeIfAbsent(jwksUri, this::newSource);
	}

	private JWKSource<SecurityContext> newSource(String jwksUri) {
		JWKSourceBuilder<SecurityContext> builder;
		try {
			builder = JWKSourceBuilder.create(URI.create(jwksUri).toURL(), this.retriever);
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not a URL: a client's jwks_uri", ex);
		}
		builder.cache(TIME_TO_LIVE.toMillis(), TIMEOUT_MILLIS * 2L).refreshAheadCache(false).retrying(false);
		if (this.minRefreshInterval.isZero()) {
			builder.rateLimited(false);
		}
		else {
			builder.rateLimited(this.minRefreshInterval.toMillis());
		}
		return builder.build();
	}

}
