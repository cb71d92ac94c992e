package com.consentry.authz.consentapi;

import com.consentry.fapi.dpop.DpopNonces;
import com.consentry.fapi.dpop.DpopProofVerifier;
import com.consentry.registry.Partners;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The consent API's own filter chain, ahead of the customer pages' catch-all: here, and
 * only here besides userinfo, an access token is a principal, and only a partner's
 * DPoP-bound one. No session, no CSRF (a token and a proof come with every call), no form
 * sign-in. The OpenAPI description is public.
 */
@Configuration(proxyBeanMethods = false)
class ConsentApiSecurityConfiguration {

	static final String API_PATHS = "/fdx/v6/consents/**";

	static final String OPENAPI_PATH = "/openapi/fdx-consent.yaml";

	@Bean
	@Order(2)
	SecurityFilterChain consentApi(HttpSecurity http, JwtDecoder accessTokenDecoder, DpopProofVerifier dpopVerifier,
			DpopNonces dpopNonces, AuthorizationServerSettings settings, OAuth2AuthorizationService authorizations,
			Partners partners, ConsentApiProperties properties) {
		http.securityMatcher(PathPatternRequestMatcher.pathPattern(API_PATHS))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(
						(request, response, ex) -> FdxErrorResponse.write(response, FdxError.AUTHENTICATION_FAILED,
								FdxErrorResponse.dpopChallenge("invalid_token",
										"a DPoP-bound access token is required")))
				.accessDeniedHandler((request, response, ex) -> FdxErrorResponse.write(response,
						FdxError.AUTHENTICATION_FAILED, null)))
			.addFilterBefore(new InteractionIdFilter(), SecurityContextHolderFilter.class)
			.addFilterBefore(
					new ConsentApiAuthenticationFilter(accessTokenDecoder, dpopVerifier, dpopNonces, settings,
							authorizations, partners, properties.publicBaseUrls()),
					AbstractPreAuthenticatedProcessingFilter.class);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain consentApiDescription(HttpSecurity http) {
		http.securityMatcher(PathPatternRequestMatcher.pathPattern(OPENAPI_PATH))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
