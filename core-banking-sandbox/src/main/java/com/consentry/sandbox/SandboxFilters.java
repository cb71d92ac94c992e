package com.consentry.sandbox;

import java.time.Clock;

import com.consentry.sandbox.faults.FaultInjection;
import com.consentry.sandbox.faults.Faults;
import com.consentry.sandbox.fdx.InteractionId;
import com.consentry.sandbox.requestlog.RequestLog;
import com.consentry.sandbox.requestlog.RequestRecorder;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters, in the order they run: the interaction id first (every answer carries it,
 * the log records it), then the request log (every FDX request, before anything can
 * refuse or delay it), then injected faults.
 */
@Configuration(proxyBeanMethods = false)
class SandboxFilters {

	private static final String FDX = "/fdx/*";

	@Bean
	FilterRegistrationBean<InteractionId> interactionId() {
		FilterRegistrationBean<InteractionId> registration = new FilterRegistrationBean<>(new InteractionId());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestRecorder> requestRecorder(RequestLog log, Clock clock) {
		FilterRegistrationBean<RequestRecorder> registration = new FilterRegistrationBean<>(
				new RequestRecorder(log, clock));
		registration.addUrlPatterns(FDX);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<FaultInjection> faultInjection(Faults faults) {
		FilterRegistrationBean<FaultInjection> registration = new FilterRegistrationBean<>(new FaultInjection(faults));
		registration.addUrlPatterns(FDX);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

}
