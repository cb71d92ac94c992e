package com.consentry.authz.customer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Where a failed sign-in goes: back to the sign-in page with its one message for every
 * failure, or, when the server had no hashing slot free in time, a short "try again" page
 * with 503 and {@code Retry-After} (RFC 9110 §15.6.4) instead of a hanging request.
 */
public final class SignInFailureHandler implements AuthenticationFailureHandler {

	static final int RETRY_AFTER_SECONDS = 5;

	private static final String BUSY_PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			  <meta charset="utf-8">
			  <meta name="viewport" content="width=device-width, initial-scale=1">
			  <title>Please try again</title>
			  <link rel="stylesheet" href="/css/consentry.css">
			</head>
			<body>
			<main class="card">
			  <h1>Please try again in a few seconds</h1>
			  <p>Many people are signing in right now, so we could not check your password this time.
			  Nothing was changed. Go back and sign in again in a few seconds.</p>
			  <p><a href="/login">Back to sign-in</a></p>
			</main>
			</body>
			</html>
			""";

	private final AuthenticationFailureHandler loginPage;

	private final byte[] busyPage;

	/**
	 * Failures go back to {@code loginPage} with {@code ?error}; the busy page links to
	 * it.
	 */
	public SignInFailureHandler(String loginPage) {
		this.loginPage = new SimpleUrlAuthenticationFailureHandler(loginPage + "?error");
		this.busyPage = BUSY_PAGE.replace("href=\"/login\"", "href=\"" + loginPage + "\"")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (!(exception instanceof SignInBusyException)) {
			this.loginPage.onAuthenticationFailure(request, response, exception);
			return;
		}
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		response.getOutputStream().write(this.busyPage);
	}

}
