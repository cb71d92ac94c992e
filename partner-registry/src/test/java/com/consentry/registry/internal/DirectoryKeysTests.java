package com.consentry.registry.internal;

import static com.consentry.registry.internal.TestSoftwareStatements.NOW;
import static com.consentry.registry.internal.TestSoftwareStatements.ecKey;
import static com.consentry.registry.internal.TestSoftwareStatements.rsaKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;

class DirectoryKeysTests {

	private final MutableClock clock = new MutableClock(NOW);

	private final AtomicInteger loads = new AtomicInteger();

	private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet());

	private final DirectoryKeys keys = new DirectoryKeys(() -> {
		this.loads.incrementAndGet();
		return this.published.get();
	}, this.clock);

	@Test
	@DisplayName("FAPI2 SP §6.8: picks up a rotated directory key, reloading at most once per 30 s")
	void findWhenKidUnknownThenReloadsAtMostEvery30Seconds() {
		ECKey first = ecKey("directory-1");
		ECKey rotated = ecKey("directory-2");
		this.published.set(new JWKSet(first.toPublicJWK()));
		assertThat(this.keys.find("directory-1", JWSAlgorithm.ES256)).isPresent();

		this.published.set(new JWKSet(List.of(first.toPublicJWK(), rotated.toPublicJWK())));
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.keys.find("directory-2", JWSAlgorithm.ES256)).isEmpty();
		assertThat(this.keys.find("directory-2", JWSAlgorithm.ES256)).isEmpty();
		assertThat(this.loads).hasValue(1);

		this.clock.advance(Duration.ofSeconds(21));
		assertThat(this.keys.find("directory-2", JWSAlgorithm.ES256)).isPresent();
		assertThat(this.loads).hasValue(2);
		assertThat(this.keys.find("directory-1", JWSAlgorithm.ES256)).isPresent();
		assertThat(this.loads).hasValue(2);
	}

	@Test
	@DisplayName("FAPI2 SP §6.8: a key the directory withdrew is refused after the scheduled refresh, though its kid was known")
	void refreshWhenKeyWithdrawnThenRefused() {
		ECKey withdrawn = ecKey("directory-1");
		ECKey kept = ecKey("directory-2");
		this.published.set(new JWKSet(List.of(withdrawn.toPublicJWK(), kept.toPublicJWK())));
		assertThat(this.keys.find("directory-1", JWSAlgorithm.ES256)).isPresent();

		this.published.set(new JWKSet(kept.toPublicJWK()));
		this.keys.refresh();

		assertThat(this.keys.find("directory-1", JWSAlgorithm.ES256)).isEmpty();
		assertThat(this.keys.find("directory-2", JWSAlgorithm.ES256)).isPresent();
	}

	@Test
	@DisplayName("FAPI2 SP §6.8: the scheduled refresh reads the set again whatever the time since the last read")
	void refreshWhenJustLoadedThenReadsAgain() {
		this.published.set(new JWKSet(ecKey("directory-1").toPublicJWK()));
		assertThat(this.keys.find("directory-1", JWSAlgorithm.ES256)).isPresent();

		this.keys.refresh();
		this.keys.refresh();

		assertThat(this.loads).hasValue(3);
	}

	@Test
	@DisplayName("FAPI2 SP §6.8: the refresh is scheduled by consentry.registry.directory.refresh-interval, for every trusted directory")
	void refreshThenScheduledByTheConfiguredInterval() throws NoSuchMethodException {
		Scheduled scheduled = TrustedDirectories.class.getMethod("refresh").getAnnotation(Scheduled.class);
		new TrustedDirectories(List.of(new TrustedDirectories.TrustedDirectory("https://one.example", this.keys),
				new TrustedDirectories.TrustedDirectory(null, this.keys)))
			.refresh();

		assertThat(this.loads).as("each directory read").hasValue(2);

		assertThat(scheduled).isNotNull();
		assertThat(scheduled.fixedDelayString()).startsWith("${consentry.registry.directory.refresh-interval:");
	}

	@Test
	@DisplayName("FAPI2 SP §5.4.1(2): ignores RSA keys under 2048 bits and keys that carry private parts")
	void findWhenKeyWeakOrPrivateThenIgnored() {
		this.published.set(new JWKSet(List.of(rsaKey("weak-rsa", 1024).toPublicJWK(), ecKey("private-ec"))));

		assertThat(this.keys.find("weak-rsa", JWSAlgorithm.PS256)).isEmpty();
		assertThat(this.keys.find("private-ec", JWSAlgorithm.ES256)).isEmpty();
	}

	@Test
	@DisplayName("FAPI2 SP §5.4.3: selects by key type when the algorithm does not fit the key")
	void findWhenAlgorithmDoesNotFitKeyThenEmpty() {
		this.published.set(new JWKSet(ecKey("directory-1").toPublicJWK()));

		assertThat(this.keys.find("directory-1", JWSAlgorithm.PS256)).isEmpty();
		assertThat(this.keys.find("directory-1", JWSAlgorithm.ES256)).map(JWK::getKeyID).hasValue("directory-1");
	}

	@Test
	@DisplayName("DESIGN fail closed: a failing reload keeps the keys already trusted")
	void findWhenReloadFailsThenKeepsKnownKeys() {
		ECKey known = ecKey("directory-1");
		AtomicInteger calls = new AtomicInteger();
		DirectoryKeys flaky = new DirectoryKeys(() -> {
			if (calls.incrementAndGet() > 1) {
				throw new IOException("directory down");
			}
			return new JWKSet(known.toPublicJWK());
		}, this.clock);
		assertThat(flaky.find("directory-1", JWSAlgorithm.ES256)).isPresent();

		this.clock.advance(Duration.ofMinutes(1));

		assertThat(flaky.find("directory-2", JWSAlgorithm.ES256)).isEmpty();
		assertThat(flaky.find("directory-1", JWSAlgorithm.ES256)).isPresent();
		assertThat(calls).hasValue(2);
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
