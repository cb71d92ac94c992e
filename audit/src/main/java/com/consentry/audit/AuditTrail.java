package com.consentry.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * The audit trail's one way in. {@link #record} writes the event's ECS log line at once
 * and queues it for the log in PostgreSQL; a writer appends what is queued every
 * {@code flushInterval} (100 ms) in one short transaction on one pooled connection, so a
 * request never waits for the audit log's database work and never holds a second
 * connection.
 * <p>
 * Appends from every instance form one chain: each takes a transaction-scoped advisory
 * lock, reads the head (the highest {@code seq}), and inserts its records after it. An
 * event recorded inside a transaction is queued when that transaction commits (nothing is
 * recorded of work that was rolled back). A failed append is retried with the same events
 * at the next flush.
 * <p>
 * What a crash loses: the events queued and not yet appended (at most the last flush
 * interval's worth while the database is up). Their ECS lines were written before they
 * were queued.
 */
public final class AuditTrail implements AutoCloseable {

	/** The advisory lock that serialises appends to the chain, on every instance. */
	static final long CHAIN_LOCK = 0x436f6e73656e7411L;

	private static final Log logger = LogFactory.getLog(AuditTrail.class);

	private static final int BATCH = 500;

	private final DataSource dataSource;

	private final BlockingQueue<AuditEvent> queue;

	private final List<AuditEvent> pending = new ArrayList<>();

	private final ReentrantLock appending = new ReentrantLock();

	private final SiemLog siem = new SiemLog();

	private final ScheduledExecutorService writer;

	private final AtomicLong dropped = new AtomicLong();

	/**
	 * A trail writing to the {@code audit} schema of this data source.
	 * @param dataSource the database (schema {@code audit} migrated)
	 * @param flushInterval how often queued events are appended
	 * @param capacity how many events may wait; past it {@link #record} counts the event
	 * as dropped (its ECS line is written all the same)
	 */
	public AuditTrail(DataSource dataSource, Duration flushInterval, int capacity) {
		Assert.notNull(dataSource, "dataSource cannot be null");
		Assert.isTrue(!flushInterval.isNegative() && !flushInterval.isZero(), "flushInterval must be positive");
		Assert.isTrue(capacity > 0, "capacity must be positive");
		this.dataSource = dataSource;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.writer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "audit-trail-writer");
			thread.setDaemon(true);
			return thread;
		});
		this.writer.scheduleWithFixedDelay(this::flushQuietly, flushInterval.toMillis(), flushInterval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Records an event: its ECS line now, its record in the chain at the next flush
	 * (after the current transaction commits, if one is active).
	 * @param event what happened
	 */
	public void record(AuditEvent event) {
		Assert.notNull(event, "event cannot be null");
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					enqueue(event);
				}
			});
		}
		else {
			enqueue(event);
		}
	}

	private void enqueue(AuditEvent event) {
		this.siem.write(event);
		// never blocks the request: a full queue means the database has been out of reach
		// for a while, and waiting would turn that into an outage of the caller
		if (!this.queue.offer(event)) {
			this.dropped.incrementAndGet();
			logger.error("Audit queue full: event " + event.type() + " in trace " + event.correlationId()
					+ " not appended to the chain (its ECS line was written)");
		}
	}

	/** How many events were dropped because the queue stayed full. */
	public long dropped() {
		return this.dropped.get();
	}

	/**
	 * Appends everything queued so far, now, on the calling thread.
	 * @throws IllegalStateException if the database refused the append
	 */
	public void flush() {
		this.appending.lock();
		try {
			do {
				this.queue.drainTo(this.pending, BATCH - this.pending.size());
				if (this.pending.isEmpty()) {
					return;
				}
				append(this.pending);
				this.pending.clear();
			}
			while (!this.queue.isEmpty());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Appending to the audit log failed; the events stay queued", ex);
		}
		finally {
			this.appending.unlock();
		}
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			logger.warn("Appending " + this.pending.size() + " audit events failed; retrying at the next flush: "
					+ ex.getMessage());
		}
	}

	private void append(List<AuditEvent> events) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				appendTo(connection, events);
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	private static void appendTo(Connection connection, List<AuditEvent> events) throws SQLException {
		try (Statement lock = connection.createStatement()) {
			lock.execute("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")");
		}
		long seq = 0;
		String prev = ChainRecord.GENESIS;
		try (Statement head = connection.createStatement();
				ResultSet row = head.executeQuery("SELECT seq, hash FROM audit.event ORDER BY seq DESC LIMIT 1")) {
			if (row.next()) {
				seq = row.getLong(1);
				prev = row.getString(2);
			}
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit.event (seq, recorded_at, type, "
				+ "actor_kind, actor, subject, outcome, correlation_id, consent_id, details, prev_hash, hash) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			for (AuditEvent event : events) {
				ChainRecord record = new ChainRecord(++seq, event, prev);
				String hash = record.hash();
				insert.setLong(1, seq);
				insert.setObject(2, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC));
				insert.setString(3, event.type());
				insert.setString(4, event.actor().kind().name());
				insert.setString(5, event.actor().id());
				insert.setString(6, event.subject());
				insert.setString(7, event.outcome());
				insert.setString(8, event.correlationId());
				insert.setString(9, event.consentId());
				insert.setString(10, ChainRecord.detailsJson(event.details()));
				insert.setString(11, prev);
				insert.setString(12, hash);
				insert.addBatch();
				prev = hash;
			}
			insert.executeBatch();
		}
	}

	/** Appends what is still queued and stops the writer. */
	@Override
	public void close() {
		this.writer.shutdown();
		try {
			this.writer.awaitTermination(5, TimeUnit.SECONDS);
			flush();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.error("Audit events still queued at shutdown could not be appended: " + ex.getMessage());
		}
	}

}
