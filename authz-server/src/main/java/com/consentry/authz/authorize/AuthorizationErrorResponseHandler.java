package com.consentry.authz.authorize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.consentry.authz.jarm.AuthorizationResponseRedirect;
import com.consentry.authz.par.ParameterNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.Assert;
import org.springframework.web.util.HtmlUtils;

/**
 * Authorization endpoint errors. Once the redirect URI is validated the error goes back
 * to the client like any response (JARM or plain with {@code iss}); before that, nothing
 * is redirected (no open redirector, FAPI 2.0 SP §5.3.2.1(7)) and the customer sees a
 * readable page.
 */
public final class AuthorizationErrorResponseHandler implements AuthenticationFailureHandler {

	private final RegisteredClientRepository clients;

	private final AuthorizationResponseRedirect redirect;

	public AuthorizationErrorResponseHandler(RegisteredClientRepository clients,
			AuthorizationResponseRedirect redirect) {
		Assert.notNull(clients, "clients cannot be null");
		Assert.notNull(redirect, "redirect cannot be null");
		this.clients = clients;
		this.redirect = redirect;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
		OAuth2AuthorizationCodeRequestAuthenticationToken failed = (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequestException)
				? codeRequestException.getAuthorizationCodeRequestAuthentication() : null;
		RegisteredClient client = (failed != null && failed.getRedirectUri() != null)
				? this.clients.findByClientId(failed.getClientId()) : null;
		// Defence in depth: only ever redirect to a URI the client registered, exactly
		if (failed == null || client == null || !client.getRedirectUris().contains(failed.getRedirectUri())) {
			writePage(response, error);
			return;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put(OAuth2ParameterNames.ERROR, error.getErrorCode());
		if (error.getDescription() != null) {
			parameters.put(OAuth2ParameterNames.ERROR_DESCRIPTION, error.getDescription());
		}
		if (failed.getState() != null) {
			parameters.put(OAuth2ParameterNames.STATE, failed.getState());
		}
		this.redirect.send(response, client, failed.getRedirectUri(),
				(String) failed.getAdditionalParameters().get(ParameterNames.RESPONSE_MODE), parameters);
	}

	static void writePage(HttpServletResponse response, OAuth2Error error) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String description = (error.getDescription() != null) ? error.getDescription() : "";
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Request refused</title>"
					+ "<link rel=\"stylesheet\" href=\"/css/consentry.css\"></head><body><main class=\"card\">"
					+ "<h1>This request cannot be completed</h1><p>The app that sent you here made a request the bank "
					+ "cannot accept. Please go back to the app and try again.</p><p class=\"detail\">Error: <code>"
					+ HtmlUtils.htmlEscape(error.getErrorCode()) + "</code> " + HtmlUtils.htmlEscape(description)
					+ "</p></main></body></html>");
	}

}
