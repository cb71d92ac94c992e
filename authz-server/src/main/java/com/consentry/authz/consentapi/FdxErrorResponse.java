package com.consentry.authz.consentapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.consentry.registry.FapiPolicy;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one writer of FDX error bodies {@code {"code": "...", "message": "..."}}
 * (spec/fdx.md §3.3), for the security filters (401) and the controller advice alike, so
 * every error path of the API has one shape. {@code debugMessage} is left out: nothing
 * here would help a developer more than the code, and it must never carry an exception's
 * text.
 */
public final class FdxErrorResponse {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FdxErrorResponse() {
	}

	/** The body of {@code error}. */
	static Map<String, String> body(FdxError error) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("code", error.code());
		body.put("message", error.message());
		return body;
	}

	/** For the controller advice. */
	static ResponseEntity<Map<String, String>> entity(FdxError error) {
		return ResponseEntity.status(error.status())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body(error));
	}

	/**
	 * For the filters, before any controller runs (and for the back-pressure filter,
	 * after).
	 * @param challenge the {@code WWW-Authenticate} value of a 401, else {@code null}
	 */
	public static void write(HttpServletResponse response, FdxError error, @Nullable String challenge)
			throws IOException {
		response.setStatus(error.status().value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (challenge != null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsString(body(error)).getBytes(StandardCharsets.UTF_8));
	}

	/** RFC 9449 §7.1: a resource refusing a token answers with a DPoP challenge. */
	static String dpopChallenge(String error, String description) {
		return "DPoP error=\"" + error + "\", error_description=\"" + description + "\", algs=\""
				+ FapiPolicy.signingAlgorithmsSpaced() + "\"";
	}

}
