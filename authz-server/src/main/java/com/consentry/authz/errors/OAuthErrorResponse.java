package com.consentry.authz.errors;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.util.Assert;

/**
 * The one writer of OAuth JSON errors that the server's own filters and entry points
 * answer with (RFC 6749 §5.2): Spring Authorization Server's converter, so the body is
 * the same as its endpoints write, never {@code no-store} forgotten, and the description
 * made {@linkplain ErrorDescription#safe safe} on the way out.
 */
public final class OAuthErrorResponse {

	private static final HttpMessageConverter<OAuth2Error> CONVERTER = new OAuth2ErrorHttpMessageConverter();

	private OAuthErrorResponse() {
	}

	/**
	 * Writes the error as the whole response.
	 * @param status 400 or 401 for a request or client error, 503 for
	 * {@code temporarily_unavailable}
	 */
	public static void write(HttpServletResponse response, HttpStatus status, OAuth2Error error) throws IOException {
		Assert.notNull(response, "response cannot be null");
		Assert.notNull(status, "status cannot be null");
		Assert.notNull(error, "error cannot be null");
		OAuth2Error safe = (error.getDescription() != null)
				? new OAuth2Error(error.getErrorCode(), ErrorDescription.safe(error.getDescription()), error.getUri())
				: error;
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		CONVERTER.write(safe, null, new ServletServerHttpResponse(response));
	}

	/** Writes {@code error} with {@code description}, no URI. */
	public static void write(HttpServletResponse response, HttpStatus status, String error, String description)
			throws IOException {
		write(response, status, new OAuth2Error(error, description, null));
	}

}
