package com.consentry.gateway.fdx;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of the gateway, right after the interaction id. A request whose path could be
 * read two ways (encoded slashes, dot segments, path parameters, a backslash: Spring
 * Security's {@link StrictHttpFirewall} rules) is refused with 400 before any matching,
 * so what the gateway checks is exactly what the core is asked. Past a number of requests
 * in flight, more are refused at once with 503 and {@code Retry-After} instead of
 * queueing until they time out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestAdmission extends OncePerRequestFilter {

	private final StrictHttpFirewall firewall = new StrictHttpFirewall();

	private final Semaphore inFlight;

	RequestAdmission(@Value("${consentry.gateway.max-in-flight:256}") int maxInFlight) {
		this.inFlight = new Semaphore(maxInFlight);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.firewall.getFirewalledRequest(request);
		}
		catch (RequestRejectedException ex) {
			FdxErrors.write(FdxRefusal.invalidInput("The request path is not acceptable"), response);
			return;
		}
		if (!this.inFlight.tryAcquire()) {
			FdxErrors.write(FdxRefusal.unavailable("overloaded", Duration.ofSeconds(1)), response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.inFlight.release();
		}
	}

}
