package com.consentry.authz.clients;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class CachedRegisteredClientsTests {

	private static final Duration TTL = Duration.ofSeconds(60);

	private final AtomicLong nanoTime = new AtomicLong();

	private CountingRepository rows;

	private CachedRegisteredClients cache;

	@BeforeEach
	void setUp() {
		this.rows = new CountingRepository(client("c1", "https://one.example/cb"));
		this.cache = new CachedRegisteredClients(this.rows, new ClientCacheProperties(TTL, 100, Duration.ofSeconds(1)),
				this.nanoTime::get);
		this.cache.listening(true);
	}

	@AfterEach
	void noTransaction() {
		TransactionSynchronizationManager.setActualTransactionActive(false);
	}

	@Test
	@DisplayName("while changes are heard, a client is read from the database once")
	void servesFromMemoryWhileListening() {
		this.cache.findByClientId("c1");
		this.cache.findByClientId("c1");
		this.cache.findById("id-c1");
		assertThat(this.rows.loads).hasValue(1);
	}

	@Test
	@DisplayName("an eviction (a change notification) makes the next lookup, by either key, read the row")
	void evictionReadsAgain() {
		this.cache.findByClientId("c1");
		this.rows.replace(client("c1", "https://two.example/cb"));
		this.cache.evict("c1");
		assertThat(this.cache.findById("id-c1").getRedirectUris()).containsExactly("https://two.example/cb");
		assertThat(this.cache.findByClientId("c1").getRedirectUris()).containsExactly("https://two.example/cb");
	}

	@Test
	@DisplayName("a load that an eviction overtook is not cached: it may have read the old row")
	void loadOvertakenByEvictionIsNotCached() {
		this.rows.duringLoad = () -> this.cache.evict("c1");
		this.cache.findByClientId("c1");
		this.rows.duringLoad = null;
		this.cache.findByClientId("c1");
		assertThat(this.rows.loads).hasValue(2);
	}

	@Test
	@DisplayName("while nobody listens (listener down), every lookup reads the row")
	void bypassedWhileNotListening() {
		this.cache.listening(false);
		this.cache.findByClientId("c1");
		this.cache.findByClientId("c1");
		assertThat(this.rows.loads).hasValue(2);
	}

	@Test
	@DisplayName("inside a transaction (the registry's read-modify-write) lookups read the row")
	void readsThroughInsideTransactions() {
		this.cache.findByClientId("c1");
		TransactionSynchronizationManager.setActualTransactionActive(true);
		this.cache.findByClientId("c1");
		assertThat(this.rows.loads).hasValue(2);
	}

	@Test
	@DisplayName("no client is served longer than the time to live, notification or not")
	void timeToLiveBoundsStaleness() {
		this.cache.findByClientId("c1");
		this.nanoTime.addAndGet(TTL.toNanos() - 1);
		this.cache.findByClientId("c1");
		assertThat(this.rows.loads).hasValue(1);
		this.nanoTime.addAndGet(1);
		this.cache.findByClientId("c1");
		assertThat(this.rows.loads).hasValue(2);
	}

	@Test
	@DisplayName("unknown client ids are not cached, so random ids cannot fill memory")
	void unknownIdsAreNotCached() {
		assertThat(this.cache.findByClientId("nobody")).isNull();
		assertThat(this.cache.findByClientId("nobody")).isNull();
		assertThat(this.rows.loads).hasValue(2);
	}

	@Test
	@DisplayName("saving a client evicts it")
	void saveEvicts() {
		this.cache.findByClientId("c1");
		this.cache.save(client("c1", "https://three.example/cb"));
		assertThat(this.cache.findByClientId("c1").getRedirectUris()).containsExactly("https://three.example/cb");
	}

	private static RegisteredClient client(String clientId, String redirectUri) {
		return RegisteredClient.withId("id-" + clientId)
			.clientId(clientId)
			.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirectUri)
			.build();
	}

	private static final class CountingRepository implements RegisteredClientRepository {

		private final AtomicInteger loads = new AtomicInteger();

		private InMemoryRegisteredClientRepository rows;

		private @Nullable Runnable duringLoad;

		CountingRepository(RegisteredClient client) {
			this.rows = new InMemoryRegisteredClientRepository(client);
		}

		void replace(RegisteredClient client) {
			this.rows = new InMemoryRegisteredClientRepository(client);
		}

		@Override
		public void save(RegisteredClient client) {
			replace(client);
		}

		@Override
		public @Nullable RegisteredClient findById(String id) {
			return load(this.rows.findById(id));
		}

		@Override
		public @Nullable RegisteredClient findByClientId(String clientId) {
			return load(this.rows.findByClientId(clientId));
		}

		private @Nullable RegisteredClient load(@Nullable RegisteredClient client) {
			this.loads.incrementAndGet();
			if (this.duringLoad != null) {
				this.duringLoad.run();
			}
			return client;
		}

	}

}
