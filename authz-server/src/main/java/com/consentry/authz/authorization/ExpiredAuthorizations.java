package com.consentry.authz.authorization;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Deletes authorizations nothing can use any more, in small batches. Every instance runs
 * it; rows another instance is deleting are skipped ({@code SKIP LOCKED}), so several
 * purges never wait on each other.
 */
@Component
class ExpiredAuthorizations {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredAuthorizations.class);

	/**
	 * Bounds one run, so a large backlog is worked off over several runs instead of one
	 * long one.
	 */
	private static final int MAX_BATCHES_PER_RUN = 100;

	private static final String DELETE_BATCH = "DELETE FROM authz.authorization WHERE id IN (SELECT id FROM "
			+ "authz.authorization WHERE expires_at < ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)";

	private final JdbcClient jdbc;

	private final AuthorizationProperties properties;

	private final Clock clock;

	ExpiredAuthorizations(JdbcClient jdbc, AuthorizationProperties properties, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return how many authorizations were deleted
	 */
	@Scheduled(fixedDelayString = "${consentry.authorizations.purge-interval:1m}",
			initialDelayString = "${consentry.authorizations.purge-interval:1m}")
	int purge() {
		Timestamp now = Timestamp.from(this.clock.instant());
		int batchSize = this.properties.purgeBatchSize();
		int total = 0;
		for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
			int deleted = this.jdbc.sql(DELETE_BATCH).params(now, batchSize).update();
			total += deleted;
			if (deleted < batchSize) {
				break;
			}
		}
		if (total > 0) {
			logger.debug("Purged {} expired authorizations", total);
		}
		return total;
	}

}
