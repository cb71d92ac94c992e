package com.consentry.sandbox.fdx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The one writer of FDX error bodies {@code {"code", "message", "debugMessage"}}
 * (spec/fdx.md §3.3), for the exception handler and the error page alike. It writes to
 * the servlet response directly, so that an error goes out as JSON even to a request
 * whose {@code Accept} allows only a PDF (the 406 itself).
 */
public final class FdxErrorResponse {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FdxErrorResponse() {
	}

	public static void write(HttpServletResponse response, FdxError error, @Nullable String debugMessage)
			throws IOException {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("code", error.code());
		body.put("message", error.message());
		if (debugMessage != null) {
			body.put("debugMessage", debugMessage);
		}
		response.resetBuffer();
		response.setStatus(error.status().value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
	}

}
