package com.consentry.gateway.observability;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.consentry.gateway.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes an {@link AccessRecord} for every FDX request: a structured log line on logger
 * {@code consentry.gateway.access} (key-value pairs, which Spring Boot's structured
 * logging turns into fields), an application event for the audit trail, and metrics:
 * {@code consentry.gateway.requests} (by endpoint and outcome),
 * {@code consentry.gateway.denials} (by reason) and the latency histogram
 * {@code consentry.gateway.latency}.
 */
@Component
public class AccessRecords {

	private static final Logger logger = LoggerFactory.getLogger("consentry.gateway.access");

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	private static final byte[] CUSTOMER_DOMAIN = "customer\u0000".getBytes(StandardCharsets.UTF_8);

	// one keyed Mac per thread: made once, reset by each doFinal, never shared
	private final ThreadLocal<Mac> pseudonymMac;

	// meters made once per tag set (endpoints and reasons are a small closed set)
	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	AccessRecords(MeterRegistry meters, ApplicationEventPublisher events, GatewayProperties properties) {
		this.meters = meters;
		this.events = events;
		SecretKeySpec pseudonymKey = new SecretKeySpec(Base64.getDecoder().decode(properties.secret()), "HmacSHA256");
		this.pseudonymMac = ThreadLocal.withInitial(() -> keyedMac(pseudonymKey));
	}

	/**
	 * A stable pseudonym for a customer: the same customer always gets the same one, and
	 * it cannot be turned back into the customer id without the gateway's secret.
	 */
	public String pseudonym(String customerId) {
		Mac mac = this.pseudonymMac.get();
		mac.update(CUSTOMER_DOMAIN);
		byte[] digest = mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8));
		return "cp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
	}

	private static Mac keyedMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public void record(AccessRecord record) {
		logger.atInfo()
			.addKeyValue("interaction_id", record.interactionId())
			.addKeyValue("endpoint", record.endpoint())
			.addKeyValue("partner", record.clientId())
			.addKeyValue("customer", record.customerPseudonym())
			.addKeyValue("consent", record.consentId())
			.addKeyValue("account", record.accountId())
			.addKeyValue("clusters", String.join(" ", record.clusters()))
			.addKeyValue("status", record.status())
			.addKeyValue("outcome", record.outcome())
			.addKeyValue("latency_ms", record.latency().toNanos() / 1_000_000.0)
			.log("FDX {} {} -> {}", record.endpoint(), record.outcome(), record.status());
		Counter.builder("consentry.gateway.requests")
			.tag("endpoint", record.endpoint())
			.tag("outcome", "allowed".equals(record.outcome()) ? "allowed" : "denied")
			.register(this.meters)
			.increment();
		if (!"allowed".equals(record.outcome())) {
			Counter.builder("consentry.gateway.denials")
				.tag("reason", record.outcome())
				.register(this.meters)
				.increment();
		}
		Timer.builder("consentry.gateway.latency")
			.tag("endpoint", record.endpoint())
			.publishPercentileHistogram()
			.register(this.meters)
			.record(record.latency().toNanos(), TimeUnit.NANOSECONDS);
		this.events.publishEvent(record);
	}

}
