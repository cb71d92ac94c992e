package com.consentry.authz.clients;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * A {@link RegisteredClientRepository} that serves clients from memory while the change
 * listener of {@link ClientCacheConfiguration} is listening for changes, and reads
 * through otherwise. Inside a transaction it always reads through, so the registry's
 * read-modify-write of a client sees the row, never the cache. Unknown client ids are not
 * cached: a caller sending random ids cannot fill memory.
 */
public final class CachedRegisteredClients implements RegisteredClientRepository {

	private final RegisteredClientRepository repository;

	private final ClientCacheProperties properties;

	private final LongSupplier nanoTime;

	private final Map<String, Cached> byClientId = new ConcurrentHashMap<>();

	private final Map<String, Cached> byId = new ConcurrentHashMap<>();

	/**
	 * Advanced by every eviction: a load that began before one is not cached, it may have
	 * read the old row.
	 */
	private final AtomicLong generation = new AtomicLong();

	private volatile boolean listening;

	public CachedRegisteredClients(RegisteredClientRepository repository, ClientCacheProperties properties) {
		this(repository, properties, System::nanoTime);
	}

	CachedRegisteredClients(RegisteredClientRepository repository, ClientCacheProperties properties,
			LongSupplier nanoTime) {
		Assert.notNull(repository, "repository cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(nanoTime, "nanoTime cannot be null");
		this.repository = repository;
		this.properties = properties;
		this.nanoTime = nanoTime;
	}

	@Override
	public void save(RegisteredClient client) {
		this.repository.save(client);
		evict(client.getClientId());
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		return find(this.byId, id, this.repository::findById);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		return find(this.byClientId, clientId, this.repository::findByClientId);
	}

	/** A client changed or disappeared: drop it, so the next request reads the row. */
	void evict(String clientId) {
		this.generation.incrementAndGet();
		Cached removed = this.byClientId.remove(clientId);
		if (removed != null) {
			this.byId.remove(removed.client().getId());
		}
		this.byId.values().removeIf((cached) -> cached.client().getClientId().equals(clientId));
	}

	/**
	 * Whether changes are being heard. Turning it on or off starts over: whatever changed
	 * while nobody was listening is read again.
	 */
	void listening(boolean listening) {
		this.generation.incrementAndGet();
		this.byClientId.clear();
		this.byId.clear();
		this.listening = listening;
	}

	private @Nullable RegisteredClient find(Map<String, Cached> cache, String key,
			Function<String, @Nullable RegisteredClient> load) {
		if (!this.listening || TransactionSynchronizationManager.isActualTransactionActive()) {
			return load.apply(key);
		}
		long now = this.nanoTime.getAsLong();
		Cached cached = cache.get(key);
		if (cached != null && now - cached.loadedAt() < this.properties.timeToLive().toNanos()) {
			return cached.client();
		}
		long generation = this.generation.get();
		RegisteredClient client = load.apply(key);
		if (client != null && generation == this.generation.get()) {
			if (this.byClientId.size() >= this.properties.maximumSize()) {
				this.byClientId.clear();
				this.byId.clear();
			}
			Cached loaded = new Cached(client, now);
			this.byClientId.put(client.getClientId(), loaded);
			this.byId.put(client.getId(), loaded);
		}
		return client;
	}

	private record Cached(RegisteredClient client, long loadedAt) {
	}

}
