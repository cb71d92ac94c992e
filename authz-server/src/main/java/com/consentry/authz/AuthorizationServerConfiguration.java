package com.consentry.authz;

import java.util.List;

import com.consentry.authz.keys.SigningKeys;
import com.consentry.registry.FapiPolicy;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Composes the FAPI 2.0 authorization server from Spring Authorization Server's endpoint
 * configurers and this server's {@link AuthorizationServerPart}s; each part lives in its
 * feature package, this class only composes them.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

	@Bean
	AuthorizationServerSettings authorizationServerSettings(@Value("${consentry.issuer}") String issuer) {
		return AuthorizationServerSettings.builder().issuer(IssuerIdentifier.check(issuer)).build();
	}

	/**
	 * Verifies our own access tokens where the server is a resource (userinfo,
	 * {@link UserInfoSecurityConfiguration}).
	 */
	@Bean
	JwtDecoder accessTokenDecoder(SigningKeys signingKeys, AuthorizationServerSettings settings) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKeys)
			.jwsAlgorithms((algorithms) -> FapiPolicy.SIGNING_ALGORITHMS
				.forEach((name) -> algorithms.add(SignatureAlgorithm.from(name))))
			.jwtProcessorCustomizer((processor) -> processor
				.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))))
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(settings.getIssuer())));
		return decoder;
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, List<AuthorizationServerPart> parts)
			throws Exception {
		http.oauth2AuthorizationServer((server) -> parts.forEach((part) -> part.configure(server)));
		http.securityMatcher(http.getConfigurer(OAuth2AuthorizationServerConfigurer.class).getEndpointsMatcher())
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.oauth2ResourceServer(UserInfoSecurityConfiguration::acceptNoAccessToken)
			// the authorization endpoint renders pages too (errors): the same policy as
			// the customer pages
			.headers((headers) -> headers.contentSecurityPolicy(
					(csp) -> csp.policyDirectives(WebSecurityConfiguration.CONTENT_SECURITY_POLICY)));
		for (AuthorizationServerPart part : parts) {
			part.configure(http);
		}
		return http.build();
	}

}
