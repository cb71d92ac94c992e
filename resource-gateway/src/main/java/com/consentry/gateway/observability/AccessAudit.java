package com.consentry.gateway.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;
import com.consentry.audit.ConsentAccesses;
import com.consentry.audit.Correlation;
import com.consentry.audit.TraceParentFilter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;

/**
 * Every FDX request at the gateway, allowed or refused, becomes one audit record
 * ({@code gateway.access}): the partner (or an anonymous caller), the consent, the
 * endpoint, the account, the clusters released, the status and the outcome
 * ({@code success} or the denial reason), in the request's trace. The customer appears
 * only as the gateway's pseudonym; the authorization server finds a customer's records by
 * consent.
 * <p>
 * Appends are batched (the trail's writer, every {@code consentry.audit.flush-interval},
 * 100 ms), so a request costs no database write of its own; a crash loses the records of
 * at most the last interval, whose ECS lines were already written.
 */
@Configuration(proxyBeanMethods = false)
public class AccessAudit {

	@Bean
	AuditTrail auditTrail(DataSource dataSource,
			@Value("${consentry.audit.flush-interval:100ms}") Duration flushInterval,
			@Value("${consentry.audit.queue-capacity:10000}") int capacity) {
		return new AuditTrail(dataSource, flushInterval, capacity);
	}

	/** Before every other filter: the whole request, errors included, is in its trace. */
	@Bean
	FilterRegistrationBean<TraceParentFilter> traceParentFilter() {
		FilterRegistrationBean<TraceParentFilter> registration = new FilterRegistrationBean<>(new TraceParentFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	AccessRecorder accessRecorder(AuditTrail trail) {
		return new AccessRecorder(trail);
	}

	/** Records each request's {@link AccessRecord}. */
	static final class AccessRecorder {

		private final AuditTrail trail;

		AccessRecorder(AuditTrail trail) {
			this.trail = trail;
		}

		@EventListener
		void accessed(AccessRecord record) {
			Map<String, String> details = new HashMap<>();
			details.put("endpoint", record.endpoint());
			details.put("status", Integer.toString(record.status()));
			details.put("clusters", String.join(",", record.clusters().stream().sorted().toList()));
			details.put("interaction_id", record.interactionId());
			details.put("latency_ms", Long.toString(record.latency().toMillis()));
			if (record.accountId() != null) {
				details.put("account", record.accountId());
			}
			if (record.customerPseudonym() != null) {
				details.put("customer", record.customerPseudonym());
			}
			String outcome = "allowed".equals(record.outcome()) ? "success" : record.outcome();
			this.trail.record(new AuditEvent(ConsentAccesses.GATEWAY_ACCESS,
					(record.clientId() != null) ? Actor.partner(record.clientId()) : Actor.anonymous(),
					record.endpoint(), outcome, Correlation.currentTraceId(), record.at(), record.consentId(),
					details));
		}

	}

}
