package com.consentry.authz.token;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The server's one token generator: JWT access and ID tokens shaped by
 * {@link AccessTokenClaims}, and consent-bound refresh tokens. It is the only
 * {@link OAuth2TokenGenerator} bean, so Spring Authorization Server cannot fall back to
 * its defaults.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder encoder, AccessTokenClaims accessTokenClaims,
			ConsentLookup consentLookup, Clock clock) {
		JwtGenerator jwtGenerator = new JwtGenerator(encoder);
		jwtGenerator.setJwtCustomizer(accessTokenClaims);
		return new DelegatingOAuth2TokenGenerator(jwtGenerator,
				new ConsentBoundRefreshTokenGenerator(consentLookup, clock));
	}

}
