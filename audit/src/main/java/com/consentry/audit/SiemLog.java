package com.consentry.audit;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Writes every audit event as one ECS JSON line (Spring Boot's structured logging) on the
 * logger {@value #LOGGER}, whatever format the application's other log lines have: the
 * SIEM reads this logger only. Fields: {@code event.action}, {@code event.outcome}
 * ({@code success} or {@code failure}), {@code event.reason}, {@code trace.id},
 * {@code user.id} with {@code consentry.actor_kind}, {@code consentry.subject},
 * {@code consentry.consent_id} and {@code consentry.details.*}. Events carry no secrets
 * ({@link AuditEvent} refuses them), so neither does this line.
 */
final class SiemLog {

	static final String LOGGER = "consentry.audit";

	private static final String TRACE_ID = "trace.id";

	private final org.slf4j.Logger logger;

	SiemLog() {
		this.logger = LoggerFactory.getLogger(LOGGER);
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			attachEcsAppender(context);
		}
	}

	private static synchronized void attachEcsAppender(LoggerContext context) {
		Logger audit = context.getLogger(LOGGER);
		if (audit.getAppender("ecs-audit") != null) {
			return;
		}
		// Spring Boot's logging system puts the Environment there; outside a Boot
		// application (the verification command, plain tests) the defaults serve.
		if (context.getObject(Environment.class.getName()) == null) {
			context.putObject(Environment.class.getName(), new StandardEnvironment());
		}
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.start();
		ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
		appender.setName("ecs-audit");
		appender.setContext(context);
		appender.setEncoder(encoder);
		appender.start();
		audit.addAppender(appender);
		audit.setAdditive(false);
	}

	void write(AuditEvent event) {
		LoggingEventBuilder line = this.logger.atInfo()
			.setMessage(() -> event.type() + " " + event.outcome())
			.addKeyValue("event.action", event.type())
			.addKeyValue("event.outcome", "success".equals(event.outcome()) ? "success" : "failure")
			.addKeyValue("event.reason", event.outcome())
			.addKeyValue("event.created", DateTimeFormatter.ISO_INSTANT.format(event.time()))
			.addKeyValue("user.id", event.actor().id())
			.addKeyValue("consentry.actor_kind", event.actor().kind().name());
		if (event.subject() != null) {
			line = line.addKeyValue("consentry.subject", event.subject());
		}
		if (event.consentId() != null) {
			line = line.addKeyValue("consentry.consent_id", event.consentId());
		}
		for (Map.Entry<String, String> detail : event.details().entrySet()) {
			line = line.addKeyValue("consentry.details." + detail.getKey(), detail.getValue());
		}
		// trace.id through the MDC, where the request's trace already is (ECS allows one)
		String requestTrace = MDC.get(TRACE_ID);
		MDC.put(TRACE_ID, event.correlationId());
		try {
			line.log();
		}
		finally {
			if (requestTrace != null) {
				MDC.put(TRACE_ID, requestTrace);
			}
			else {
				MDC.remove(TRACE_ID);
			}
		}
	}

}
