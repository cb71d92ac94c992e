package com.consentry.authz.backpressure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.consentry.authz.consentapi.FdxError;
import com.consentry.authz.consentapi.FdxErrorResponse;
import com.consentry.authz.errors.OAuthErrorResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a request that failed because the database could not serve it in time
 * answers {@code 503 Service Unavailable} with {@code Retry-After} — OAuth's
 * {@code temporarily_unavailable} error (RFC 6749 §4.1.2.1) for API clients, a readable
 * page for a customer's browser. The bound on how long a request waits is set by the
 * pool's connection timeout and the statement timeout (see {@code application.yaml}).
 */
final class BackPressureFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(BackPressureFilter.class);

	private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
			+ "<title>Busy, please try again</title><link rel=\"stylesheet\" href=\"/css/consentry.css\"></head>"
			+ "<body><main class=\"card\"><h1>We are busy right now</h1><p>Your bank could not finish this step in "
			+ "time. Nothing was changed. Please wait a moment and try again.</p></main></body></html>";

	private final RequestMatcher pages = new OrRequestMatcher(Stream
		.of("/oauth2/authorize", "/oauth2/consent", "/login", "/logout", "/account", "/account/**", "/admin",
				"/admin/**", "/error")
		.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(pattern))
		.toList());

	private final RequestMatcher fdxApi = PathPatternRequestMatcher.pathPattern("/fdx/**");

	private final BackPressureProperties properties;

	BackPressureFilter(BackPressureProperties properties) {
		Assert.notNull(properties, "properties cannot be null");
		this.properties = properties;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException | IOException ex) {
			if (!DatabaseUnavailable.causes(ex) || response.isCommitted()) {
				throw ex;
			}
			logger.warn("Answered 503 to {} {}: the database could not serve in time ({})", request.getMethod(),
					request.getRequestURI(), ex.getMessage());
			unavailable(request, response);
		}
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(this.properties.retryAfter().toSeconds()));
		if (wantsPage(request)) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(PAGE);
			return;
		}
		if (this.fdxApi.matches(request)) {
			FdxErrorResponse.write(response, FdxError.SUBSYSTEM_UNAVAILABLE, null);
			return;
		}
		OAuthErrorResponse.write(response, HttpStatus.SERVICE_UNAVAILABLE, OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE,
				"the server is busy; retry after the time in Retry-After");
	}

	/**
	 * The pages people see get a page; every other endpoint is an API. Decided by path,
	 * matched as Spring Security matches it: Accept headers cannot tell (Java's own HTTP
	 * client asks for text/html first).
	 */
	private boolean wantsPage(HttpServletRequest request) {
		return this.pages.matches(request);
	}

}
