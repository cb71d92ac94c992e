package com.consentry.audit;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The correlation id that follows a request end to end: the trace id of a W3C Trace
 * Context {@code traceparent} header, taken from the caller when it sent a valid one,
 * made otherwise, and passed on to the services a request calls.
 *
 * @see <a href="https://www.w3.org/TR/trace-context/#traceparent-header">W3C Trace
 * Context §3.2</a>
 */
public final class Correlation {

	/** The header's name. */
	public static final String HEADER = "traceparent";

	// version 00 (a later version is read the same way, §4.3), trace-id, parent-id, flags
	private static final Pattern TRACEPARENT = Pattern
		.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	private static final String INVALID_TRACE_ID = "0".repeat(32);

	private static final String INVALID_PARENT_ID = "0".repeat(16);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private Correlation() {
	}

	/**
	 * The trace id of a {@code traceparent} header, if it is a valid one (W3C Trace
	 * Context §3.2.2: version {@code ff} and all-zero ids are invalid).
	 * @param header the header's value
	 * @return the trace id, or {@code null}
	 */
	public static @Nullable String traceIdOf(@Nullable String header) {
		if (header == null) {
			return null;
		}
		Matcher matcher = TRACEPARENT.matcher(header.trim());
		if (!matcher.matches() || "ff".equals(matcher.group(1)) || INVALID_TRACE_ID.equals(matcher.group(2))
				|| INVALID_PARENT_ID.equals(matcher.group(3))
				|| ("00".equals(matcher.group(1)) && matcher.group(5) != null)) {
			return null;
		}
		return matcher.group(2);
	}

	/** A new random trace id. */
	public static String newTraceId() {
		String id;
		do {
			byte[] bytes = new byte[16];
			RANDOM.nextBytes(bytes);
			id = HexFormat.of().formatHex(bytes);
		}
		while (INVALID_TRACE_ID.equals(id));
		return id;
	}

	/**
	 * A {@code traceparent} to send downstream in the given trace, with a new parent id.
	 * @param traceId the trace
	 * @return the header value
	 */
	public static String traceparent(String traceId) {
		byte[] parent = new byte[8];
		do {
			RANDOM.nextBytes(parent);
		}
		while (INVALID_PARENT_ID.equals(HexFormat.of().formatHex(parent)));
		return "00-" + traceId + "-" + HexFormat.of().formatHex(parent) + "-01";
	}

	public static boolean isTraceId(@Nullable String value) {
		return value != null && TRACE_ID.matcher(value).matches() && !INVALID_TRACE_ID.equals(value);
	}

	/** The trace of the request this thread serves, or a new one outside a request. */
	public static String currentTraceId() {
		String current = CURRENT.get();
		return (current != null) ? current : newTraceId();
	}

	/**
	 * Runs work in a trace.
	 * @param traceId the trace
	 * @return a scope that ends it (restoring the previous trace)
	 */
	public static Scope open(String traceId) {
		String previous = CURRENT.get();
		CURRENT.set(traceId);
		return () -> {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		};
	}

	/** The span of a trace on this thread. */
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
