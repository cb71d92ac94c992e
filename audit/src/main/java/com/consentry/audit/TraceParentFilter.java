package com.consentry.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts each request in a trace: the caller's {@code traceparent} if valid, a new one
 * otherwise. Audit events of the request carry its trace id, every log line of the
 * request has it as ECS {@code trace.id}, and calls the request makes pass it on (request
 * attribute {@link #ATTRIBUTE}).
 */
public class TraceParentFilter extends OncePerRequestFilter {

	/** The request attribute holding the trace id. */
	public static final String ATTRIBUTE = TraceParentFilter.class.getName() + ".traceId";

	private static final String MDC_KEY = "trace.id";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String received = Correlation.traceIdOf(request.getHeader(Correlation.HEADER));
		String traceId = (received != null) ? received : Correlation.newTraceId();
		request.setAttribute(ATTRIBUTE, traceId);
		try (Correlation.Scope scope = Correlation.open(traceId);
				MDC.MDCCloseable mdc = MDC.putCloseable(MDC_KEY, traceId)) {
			chain.doFilter(request, response);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
