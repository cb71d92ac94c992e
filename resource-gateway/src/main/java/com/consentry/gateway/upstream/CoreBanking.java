package com.consentry.gateway.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import com.consentry.gateway.fdx.FdxRefusal;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Calls the bank's core-banking system through the gateway's proxy, behind a circuit
 * breaker ({@code core-banking}, Resilience4j): a core that fails or times out repeatedly
 * is left alone for a while and partners get a fast 503 instead of waiting. What the core
 * says when it fails never reaches the partner.
 */
@Component
public class CoreBanking {

	private static final Logger logger = LoggerFactory.getLogger(CoreBanking.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	/** The largest JSON answer the gateway reads from the core. */
	static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

	/** What a passed-on document keeps of the core's headers. */
	private static final List<String> DOCUMENT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
			HttpHeaders.CONTENT_DISPOSITION);

	private final CircuitBreaker breaker;

	CoreBanking(CircuitBreakerFactory<?, ?> breakers) {
		this.breaker = breakers.create("core-banking");
	}

	/**
	 * The core's JSON answer to {@code request}, read whole: 2xx and 4xx as they came
	 * (the caller maps 4xx to FDX errors), anything else refused as an upstream failure.
	 */
	public Answer call(ServerRequest request, HandlerFunction<ServerResponse> proxy) {
		return this.breaker.run(() -> {
			ServerResponse response = handle(request, proxy);
			HttpStatusCode status = response.statusCode();
			byte[] body = body(request);
			if (status.is5xxServerError()) {
				// counted as a failure by the breaker; the body stays here
				throw new UpstreamFailure(status.value());
			}
			return new Answer(status.value(), body);
		}, this::refusal);
	}

	/**
	 * The core's answer passed on as it streams (documents), after the same checks; a 4xx
	 * is read whole instead, for the caller to map to an FDX error.
	 */
	public Streamed stream(ServerRequest request, HandlerFunction<ServerResponse> proxy) {
		return this.breaker.run(() -> {
			ServerResponse response = handle(request, proxy);
			if (response.statusCode().is5xxServerError()) {
				close(request);
				throw new UpstreamFailure(response.statusCode().value());
			}
			if (response.statusCode().is4xxClientError()) {
				return new Streamed(null, new Answer(response.statusCode().value(), body(request)));
			}
			return new Streamed(document(request, response), null);
		}, this::refusal);
	}

	/**
	 * The document as the partner gets it: the core's body streamed, with only the
	 * headers that describe it. Whatever else the core sets (its node names, its own
	 * interaction id, caching or cookies) stays inside the bank, as it does for JSON
	 * answers, which are rebuilt whole.
	 */
	private static ServerResponse document(ServerRequest request, ServerResponse core) {
		Object stream = request.attributes().get(MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR);
		InputStream body = (stream instanceof InputStream input) ? input : InputStream.nullInputStream();
		HttpHeaders described = core.headers();
		return ServerResponse.status(core.statusCode()).headers((headers) -> {
			for (String name : DOCUMENT_HEADERS) {
				List<String> values = described.get(name);
				if (values != null && !values.isEmpty()) {
					headers.put(name, List.copyOf(values));
				}
			}
		}).build((servletRequest, servletResponse) -> {
			try (InputStream in = body) {
				in.transferTo(servletResponse.getOutputStream());
			}
			finally {
				close(request);
			}
			return null;
		});
	}

	private static ServerResponse handle(ServerRequest request, HandlerFunction<ServerResponse> proxy) {
		try {
			return proxy.handle(request);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new UpstreamFailure(ex);
		}
	}

	private static byte[] body(ServerRequest request) {
		Object stream = request.attributes().get(MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR);
		try (InputStream in = (stream instanceof InputStream input) ? input : InputStream.nullInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				throw new UpstreamFailure(0);
			}
			return body;
		}
		catch (IOException ex) {
			throw new UpstreamFailure(ex);
		}
		finally {
			close(request);
		}
	}

	private static void close(ServerRequest request) {
		if (request.attributes().get(MvcUtils.CLIENT_RESPONSE_ATTR) instanceof ClientHttpResponse response) {
			response.close();
		}
	}

	private <T> T refusal(Throwable failure) {
		if (failure instanceof FdxRefusal refusal) {
			throw refusal;
		}
		if (failure instanceof CallNotPermittedException) {
			throw FdxRefusal.unavailable("core_banking_circuit_open", RETRY_AFTER);
		}
		if (failure instanceof UpstreamFailure upstream && upstream.status() >= 500) {
			logger.warn("The core-banking system answered {}", upstream.status());
			throw FdxRefusal.upstreamFailure("core_banking_error");
		}
		logger.warn("The core-banking system could not be reached: {}", failure.toString());
		throw FdxRefusal.unavailable("core_banking_unavailable", RETRY_AFTER);
	}

	/**
	 * What the core answered.
	 *
	 * @param status its HTTP status (2xx or 4xx)
	 * @param body its body
	 */
	public record Answer(int status, byte[] body) {
	}

	/**
	 * A streamed answer: the response to pass on, or the core's refusal read whole.
	 *
	 * @param response what to send the partner
	 * @param refused what the core refused with
	 */
	public record Streamed(@Nullable ServerResponse response, @Nullable Answer refused) {
	}

	static final class UpstreamFailure extends RuntimeException {

		private final int status;

		UpstreamFailure(int status) {
			super("core-banking status " + status, null, false, false);
			this.status = status;
		}

		UpstreamFailure(@Nullable Throwable cause) {
			super("core-banking unreachable", cause, false, false);
			this.status = 0;
		}

		int status() {
			return this.status;
		}

	}

}
