package com.consentry.sandbox.requestlog;

import java.io.IOException;
import java.time.Clock;

import com.consentry.sandbox.fdx.CustomerHeader;
import com.consentry.sandbox.fdx.InteractionId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records each request in the {@link RequestLog} as it arrives, before anything can
 * refuse or delay it (injected faults included).
 */
public final class RequestRecorder extends OncePerRequestFilter {

	private final RequestLog log;

	private final Clock clock;

	public RequestRecorder(RequestLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.log.record(new RecordedRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(),
				CustomerHeader.of(request), InteractionId.of(request), this.clock.instant()));
		chain.doFilter(request, response);
	}

}
