package com.consentry.authz.authorize;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.consentry.authz.jarm.AuthorizationResponseRedirect;
import com.consentry.authz.par.ParameterNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.Assert;

/**
 * Sends the authorization code back in the response mode of the pushed request (JARM or
 * plain with {@code iss}).
 */
public final class AuthorizationCodeResponseHandler implements AuthenticationSuccessHandler {

	private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

	private final OAuth2AuthorizationService authorizations;

	private final RegisteredClientRepository clients;

	private final AuthorizationResponseRedirect redirect;

	public AuthorizationCodeResponseHandler(OAuth2AuthorizationService authorizations,
			RegisteredClientRepository clients, AuthorizationResponseRedirect redirect) {
		Assert.notNull(authorizations, "authorizations cannot be null");
		Assert.notNull(clients, "clients cannot be null");
		Assert.notNull(redirect, "redirect cannot be null");
		this.authorizations = authorizations;
		this.clients = clients;
		this.redirect = redirect;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2AuthorizationCodeRequestAuthenticationToken result = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
		String code = result.getAuthorizationCode().getTokenValue();
		OAuth2Authorization authorization = this.authorizations.findByToken(code, CODE);
		RegisteredClient client = this.clients.findByClientId(result.getClientId());
		if (authorization == null || client == null) {
			throw new IllegalStateException("The authorization just created cannot be found");
		}
		OAuth2AuthorizationRequest authorizationRequest = authorization
			.getAttribute(OAuth2AuthorizationRequest.class.getName());
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put(OAuth2ParameterNames.CODE, code);
		if (result.getState() != null) {
			parameters.put(OAuth2ParameterNames.STATE, result.getState());
		}
		this.redirect.send(response, client, result.getRedirectUri(),
				(String) authorizationRequest.getAdditionalParameters().get(ParameterNames.RESPONSE_MODE), parameters);
	}

}
