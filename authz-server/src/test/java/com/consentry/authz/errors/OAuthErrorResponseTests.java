package com.consentry.authz.errors;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one writer of the server's own OAuth JSON errors, and what it lets through in
 * {@code error_description}.
 */
class OAuthErrorResponseTests {

	@Test
	@DisplayName("RFC6749 §5.2: the error is written as JSON with its status, not cached")
	void writesTheErrorAsJson() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		OAuthErrorResponse.write(response, HttpStatus.BAD_REQUEST, "invalid_dpop_proof", "DPoP proof has no iat");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_JSON))
			.isTrue();
		assertThat(response.getContentAsString()).startsWith("{")
			.contains("\"error\":\"invalid_dpop_proof\"", "\"error_description\":\"DPoP proof has no iat\"")
			.doesNotContain("error_uri");
	}

	@Test
	@DisplayName("RFC6749 §5.2: the error_uri is written when the error has one")
	void writesTheUri() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		OAuthErrorResponse.write(response, HttpStatus.UNAUTHORIZED,
				new OAuth2Error("invalid_client", null, "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2"));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString())
			.contains("\"error\":\"invalid_client\"",
					"\"error_uri\":\"https://datatracker.ietf.org/doc/html/rfc6749#section-5.2\"")
			.doesNotContain("error_description");
	}

	@Test
	@DisplayName("RFC6749 §5.2: the writer sends a client-sent quote or backslash in a description as ?")
	void writerMakesTheDescriptionSafe() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		OAuthErrorResponse.write(response, HttpStatus.BAD_REQUEST, "invalid_request",
				"response_mode a\"b\\c is not registered");
		assertThat(response.getContentAsString()).contains("\"response_mode a?b?c is not registered\"");
	}

	static Stream<Arguments> descriptions() {
		return Stream.of(
				Arguments.of("printable ASCII passes unchanged", "scope fdx:tax:read! [x] {y} ~",
						"scope fdx:tax:read! [x] {y} ~"),
				Arguments.of("a double quote", "mode \"jwt\"", "mode ?jwt?"),
				Arguments.of("a backslash", "a\\b", "a?b"), Arguments.of("a line break", "a\r\nb", "a??b"),
				Arguments.of("a tab", "a\tb", "a?b"), Arguments.of("non-ASCII", "café", "caf?"),
				Arguments.of("exactly the bound", "x".repeat(200), "x".repeat(200)),
				Arguments.of("longer than the bound", "x".repeat(5000), "x".repeat(200) + "..."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("descriptions")
	@DisplayName("RFC6749 §5.2: error_description keeps %x20-21 / %x23-5B / %x5D-7E and a bounded length")
	void safeDescriptions(String why, String description, String safe) {
		assertThat(ErrorDescription.safe(description)).isEqualTo(safe);
	}

}
