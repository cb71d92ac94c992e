package com.consentry.authz.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's settings ({@code consentry.audit.*}).
 *
 * @param flushInterval how often queued events are appended to the chain
 * @param queueCapacity how many events may wait for the append
 * @param checkpointInterval how often the chain's head is signed
 */
@ConfigurationProperties("consentry.audit")
public record AuditProperties(@DefaultValue("100ms") Duration flushInterval, @DefaultValue("10000") int queueCapacity,
		@DefaultValue("5m") Duration checkpointInterval) {
}
