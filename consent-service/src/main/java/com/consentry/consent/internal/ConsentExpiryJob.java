package com.consentry.consent.internal;

import com.consentry.consent.ConsentExpiryProperties;
import com.consentry.consent.Consents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Stores EXPIRED for running consents whose time is up, on every instance; the store's
 * {@code FOR UPDATE SKIP LOCKED} batches keep instances from waiting on, or repeating,
 * each other's work. It only changes status: consent records are never deleted.
 */
@Component
class ConsentExpiryJob {

	private static final Logger logger = LoggerFactory.getLogger(ConsentExpiryJob.class);

	private final Consents consents;

	private final ConsentExpiryProperties properties;

	ConsentExpiryJob(Consents consents, ConsentExpiryProperties properties) {
		Assert.notNull(consents, "consents cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		this.consents = consents;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${consentry.consent.expiry.interval:1m}",
			initialDelayString = "${consentry.consent.expiry.interval:1m}")
	void expireDue() {
		int expired = this.consents.expireDue(this.properties.batchSize());
		if (expired > 0) {
			logger.info("Expired {} consent(s)", expired);
		}
	}

}
