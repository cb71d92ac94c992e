package com.consentry.authz.audit;

import java.time.Clock;

import javax.sql.DataSource;

import com.consentry.audit.AuditChainVerifier;
import com.consentry.audit.AuditCheckpoints;
import com.consentry.audit.AuditTrail;
import com.consentry.audit.CheckpointKeys;
import com.consentry.audit.ConsentAccesses;
import com.consentry.audit.TraceParentFilter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The audit trail on the server's database. Events are appended by the trail's own writer
 * (one pooled connection, every {@code flush-interval}); checkpoints are signed every
 * {@code checkpoint-interval} by whichever instance gets there (a head already signed is
 * skipped).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	AuditTrail auditTrail(DataSource dataSource, AuditProperties properties) {
		return new AuditTrail(dataSource, properties.flushInterval(), properties.queueCapacity());
	}

	@Bean
	AuditChainVerifier auditChainVerifier(DataSource dataSource) {
		return new AuditChainVerifier(dataSource);
	}

	@Bean
	ConsentAccesses consentAccesses(JdbcClient jdbc) {
		return new ConsentAccesses(jdbc);
	}

	@Bean
	AuditCheckpoints auditCheckpoints(JdbcClient jdbc, CheckpointKeys keys, Clock clock) {
		return new AuditCheckpoints(jdbc, keys, clock);
	}

	@Bean
	CheckpointSchedule checkpointSchedule(AuditTrail trail, AuditCheckpoints checkpoints) {
		return new CheckpointSchedule(trail, checkpoints);
	}

	/** Before every other filter, so that everything a request does is in its trace. */
	@Bean
	FilterRegistrationBean<TraceParentFilter> traceParentFilter() {
		FilterRegistrationBean<TraceParentFilter> registration = new FilterRegistrationBean<>(new TraceParentFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Signs the chain's head on a schedule. */
	static final class CheckpointSchedule {

		private final AuditTrail trail;

		private final AuditCheckpoints checkpoints;

		CheckpointSchedule(AuditTrail trail, AuditCheckpoints checkpoints) {
			this.trail = trail;
			this.checkpoints = checkpoints;
		}

		@Scheduled(fixedDelayString = "${consentry.audit.checkpoint-interval:5m}",
				initialDelayString = "${consentry.audit.checkpoint-interval:5m}")
		void checkpoint() {
			this.trail.flush();
			this.checkpoints.checkpoint();
		}

	}

}
