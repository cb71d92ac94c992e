package com.consentry.gateway.fdx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Writes FDX error bodies ({@code {"code": "…", "message": "…"}}, FDX §3.3) with the
 * headers their status calls for ({@code WWW-Authenticate}, {@code Retry-After}).
 */
public final class FdxErrors {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FdxErrors() {
	}

	/** The refusal as a functional-endpoint response. */
	public static ServerResponse response(FdxRefusal refusal) {
		return response(refusal, Map.of());
	}

	/** The refusal as a functional-endpoint response, with more headers. */
	public static ServerResponse response(FdxRefusal refusal, Map<String, String> moreHeaders) {
		return ServerResponse.status(refusal.status()).headers((headers) -> {
			moreHeaders.forEach(headers::set);
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setCacheControl("no-store");
			if (refusal.wwwAuthenticate() != null) {
				headers.set(HttpHeaders.WWW_AUTHENTICATE, refusal.wwwAuthenticate());
			}
			if (refusal.retryAfter() != null) {
				headers.set(HttpHeaders.RETRY_AFTER, seconds(refusal.retryAfter()));
			}
		}).body(body(refusal));
	}

	/** The refusal written straight to a servlet response (filters). */
	public static void write(FdxRefusal refusal, HttpServletResponse response) throws IOException {
		response.setStatus(refusal.status().value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (refusal.wwwAuthenticate() != null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, refusal.wwwAuthenticate());
		}
		if (refusal.retryAfter() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, seconds(refusal.retryAfter()));
		}
		response.getOutputStream().write(body(refusal));
	}

	static byte[] body(FdxRefusal refusal) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("code", refusal.code());
		body.put("message", refusal.getMessage());
		return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
	}

	private static String seconds(Duration duration) {
		return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
	}

}
