package com.consentry.authz;

import com.consentry.authz.authorize.AuthorizationCodeResponseHandler;
import com.consentry.authz.authorize.AuthorizationErrorResponseHandler;
import com.consentry.authz.authorize.PushedRequestPrecheckFilter;
import com.consentry.authz.authorize.PushedRequestRequiredConverter;
import com.consentry.authz.clientauth.ClientAssertionConverter;
import com.consentry.authz.clientauth.ClientAuthenticationRequiredEntryPoint;
import com.consentry.authz.clientauth.ClientAssertionDecoderFactory;
import com.consentry.authz.consentpage.ConsentDecision;
import com.consentry.authz.consentpage.ConsentSelectionFilter;
import com.consentry.authz.consentpage.PendingConsents;
import com.consentry.authz.dpop.DpopNonces;
import com.consentry.authz.dpop.DpopProofFilter;
import com.consentry.authz.dpop.DpopProofVerifier;
import com.consentry.authz.introspection.ConsentAwareIntrospectionProvider;
import com.consentry.authz.jarm.AuthorizationResponseRedirect;
import com.consentry.authz.keys.SigningKeys;
import com.consentry.authz.metadata.ServerMetadata;
import com.consentry.authz.par.ConsentRecordingParProvider;
import com.consentry.authz.par.FapiAuthorizationRequestRules;
import com.consentry.authz.par.ParRequestConverter;
import com.consentry.authz.token.TokenResponseParameters;
import com.consentry.consent.ConsentLimits;
import com.consentry.consent.Consents;
import com.consentry.consent.FdxAuthorizationDetails;
import com.consentry.registry.RegistryProperties;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Composes the FAPI 2.0 authorization server from Spring Authorization Server's endpoint
 * configurers and this server's parts; each part lives in its feature package, this class
 * only wires them.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

	@Bean
	AuthorizationServerSettings authorizationServerSettings(@Value("${consentry.issuer}") String issuer) {
		return AuthorizationServerSettings.builder().issuer(IssuerIdentifier.check(issuer)).build();
	}

	@Bean
	FdxAuthorizationDetails fdxAuthorizationDetails(ConsentLimits limits) {
		return new FdxAuthorizationDetails(limits);
	}

	/**
	 * Verifies our own access tokens where the server is a resource (userinfo,
	 * {@link UserInfoSecurityConfiguration}).
	 */
	@Bean
	JwtDecoder accessTokenDecoder(SigningKeys signingKeys, AuthorizationServerSettings settings) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKeys).jwsAlgorithms((algorithms) -> {
			algorithms.add(SignatureAlgorithm.ES256);
			algorithms.add(SignatureAlgorithm.PS256);
		})
			.jwtProcessorCustomizer((processor) -> processor
				.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))))
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(settings.getIssuer())));
		return decoder;
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, AuthorizationServerSettings settings,
			ClientAssertionDecoderFactory clientAssertions, FdxAuthorizationDetails authorizationDetails,
			Consents consents, AuthorizationResponseRedirect responseRedirect,
			OAuth2AuthorizationService authorizations, RegisteredClientRepository clients,
			TokenResponseParameters tokenResponseParameters, DpopProofVerifier dpopVerifier, DpopNonces dpopNonces,
			PendingConsents pendingConsents, OAuth2TokenGenerator<?> tokenGenerator, RegistryProperties registry) {
		FapiAuthorizationRequestRules rules = new FapiAuthorizationRequestRules(authorizationDetails,
				registry.allowPlainResponses());
		ServerMetadata metadata = new ServerMetadata(settings, registry.allowPlainResponses());
		OAuth2AccessTokenResponseAuthenticationSuccessHandler tokenResponse = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
		tokenResponse.setAccessTokenResponseCustomizer(tokenResponseParameters);
		http.oauth2AuthorizationServer((server) -> server.tokenGenerator(tokenGenerator)
			.clientAuthentication((clientAuthentication) -> clientAuthentication
				.authenticationConverters((converters) -> converters.replaceAll((converter) -> {
					if (converter instanceof JwtClientAssertionAuthenticationConverter) {
						return new ClientAssertionConverter();
					}
					return converter;
				}))
				.authenticationProviders((providers) -> providers.forEach((provider) -> {
					if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
						assertions.setJwtDecoderFactory(clientAssertions);
					}
				})))
			.pushedAuthorizationRequestEndpoint((par) -> par.pushedAuthorizationRequestConverters((converters) -> {
				converters.clear();
				converters.add(new ParRequestConverter());
			}).authenticationProviders((providers) -> providers.replaceAll((provider) -> {
				if (provider instanceof OAuth2PushedAuthorizationRequestAuthenticationProvider pushed) {
					pushed.setAuthenticationValidator(rules);
					return new ConsentRecordingParProvider(pushed, consents, authorizationDetails);
				}
				return provider;
			})))
			.authorizationEndpoint((authorization) -> authorization.consentPage("/oauth2/consent")
				.authorizationRequestConverters((converters) -> converters.add(0, new PushedRequestRequiredConverter()))
				.authenticationProviders((providers) -> providers.forEach((provider) -> {
					if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
						codeRequests.setAuthenticationValidator(rules);
						// Every authorization creates its own FDX consent: always ask the
						// customer
						codeRequests.setAuthorizationConsentRequired((context) -> true);
					}
					if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider decisions) {
						decisions.setAuthorizationConsentCustomizer(new ConsentDecision(consents));
					}
				}))
				.authorizationResponseHandler(
						new AuthorizationCodeResponseHandler(authorizations, clients, responseRedirect))
				.errorResponseHandler(new AuthorizationErrorResponseHandler(clients, responseRedirect)))
			.tokenEndpoint((token) -> token.accessTokenResponseHandler(tokenResponse))
			.tokenIntrospectionEndpoint((introspection) -> introspection
				.authenticationProviders((providers) -> providers.replaceAll((provider) -> {
					if (provider instanceof OAuth2TokenIntrospectionAuthenticationProvider) {
						return (AuthenticationProvider) new ConsentAwareIntrospectionProvider(provider, consents);
					}
					return provider;
				})))
			.authorizationServerMetadataEndpoint(
					(endpoint) -> endpoint.authorizationServerMetadataCustomizer((builder) -> builder.claims(metadata)))
			.oidc((oidc) -> oidc.providerConfigurationEndpoint(
					(endpoint) -> endpoint.providerConfigurationCustomizer((builder) -> builder.claims(metadata)))));
		http.securityMatcher(http.getConfigurer(OAuth2AuthorizationServerConfigurer.class).getEndpointsMatcher())
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.oauth2ResourceServer(UserInfoSecurityConfiguration::acceptNoAccessToken)
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						PathPatternRequestMatcher.pathPattern(settings.getAuthorizationEndpoint()))
				.defaultAuthenticationEntryPointFor(new ClientAuthenticationRequiredEntryPoint(),
						new OrRequestMatcher(
								PathPatternRequestMatcher.pathPattern(settings.getPushedAuthorizationRequestEndpoint()),
								PathPatternRequestMatcher.pathPattern(settings.getTokenEndpoint()),
								PathPatternRequestMatcher.pathPattern(settings.getTokenIntrospectionEndpoint()),
								PathPatternRequestMatcher.pathPattern(settings.getTokenRevocationEndpoint()))))
			// the authorization endpoint renders pages too (errors): the same policy as
			// the customer pages
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(WebSecurityConfiguration.CONTENT_SECURITY_POLICY)))
			.addFilterBefore(new DpopProofFilter(dpopVerifier, dpopNonces, settings),
					AbstractPreAuthenticatedProcessingFilter.class)
			.addFilterAfter(new ConsentSelectionFilter(settings.getAuthorizationEndpoint(), pendingConsents),
					SecurityContextHolderFilter.class)
			.addFilterAfter(new PushedRequestPrecheckFilter(settings.getAuthorizationEndpoint(), authorizations),
					SecurityContextHolderFilter.class);
		return http.build();
	}

}
