package com.consentry.authz.token;

import com.consentry.authz.AuthorizationServerPart;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The token endpoint: our one token generator (consent-bound, DPoP-bound JWTs) and the
 * FDX members of the token response.
 */
@Component
final class TokenEndpointPart implements AuthorizationServerPart {

	private final OAuth2TokenGenerator<?> tokenGenerator;

	private final TokenResponseParameters responseParameters;

	TokenEndpointPart(OAuth2TokenGenerator<?> tokenGenerator, TokenResponseParameters responseParameters) {
		Assert.notNull(tokenGenerator, "tokenGenerator cannot be null");
		Assert.notNull(responseParameters, "responseParameters cannot be null");
		this.tokenGenerator = tokenGenerator;
		this.responseParameters = responseParameters;
	}

	@Override
	public void configure(OAuth2AuthorizationServerConfigurer server) {
		OAuth2AccessTokenResponseAuthenticationSuccessHandler response = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
		response.setAccessTokenResponseCustomizer(this.responseParameters);
		server.tokenGenerator(this.tokenGenerator).tokenEndpoint((token) -> token.accessTokenResponseHandler(response));
	}

}
