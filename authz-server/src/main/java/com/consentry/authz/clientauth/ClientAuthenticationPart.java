package com.consentry.authz.clientauth;

import java.time.Clock;

import com.consentry.authz.AuthorizationServerPart;
import com.consentry.authz.SpringDefaults;
import com.consentry.registry.ClientCertificateAuthorities;
import com.consentry.registry.Partners;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.X509ClientCertificateAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.X509ClientCertificateAuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Client authentication: {@code private_key_jwt} through our assertion converter
 * (assertions without {@code client_id}, RFC 7521) and decoder (FAPI audience, lifetime
 * and replay rules), or mTLS (RFC 8705 §2) through Spring's certificate provider with the
 * method of the client's registration and our {@link ClientCertificateVerifier}; then the
 * partner's standing ({@link ActivePartnerAuthenticationProvider}); the client endpoints
 * answer an unauthenticated call with {@code invalid_client}.
 */
@Component
final class ClientAuthenticationPart implements AuthorizationServerPart {

	private final ClientAssertionDecoderFactory assertions;

	private final AuthorizationServerSettings settings;

	private final Partners partners;

	private final RegisteredClientRepository clients;

	private final ClientCertificateVerifier certificates;

	ClientAuthenticationPart(ClientAssertionDecoderFactory assertions, AuthorizationServerSettings settings,
			Partners partners, RegisteredClientRepository clients, ClientCertificateAuthorities authorities,
			Clock clock) {
		Assert.notNull(assertions, "assertions cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(partners, "partners cannot be null");
		Assert.notNull(clients, "clients cannot be null");
		this.assertions = assertions;
		this.settings = settings;
		this.partners = partners;
		this.clients = clients;
		this.certificates = new ClientCertificateVerifier(authorities, assertions.remoteKeys(), clock);
	}

	@Override
	public void configure(OAuth2AuthorizationServerConfigurer server) {
		server.clientAuthentication(
				(clientAuthentication) -> clientAuthentication.authenticationConverters((converters) -> {
					SpringDefaults.replace(converters, JwtClientAssertionAuthenticationConverter.class,
							(spring) -> new ClientAssertionConverter());
					SpringDefaults.replace(converters, X509ClientCertificateAuthenticationConverter.class,
							(spring) -> new ClientCertificateConverter(spring, this.clients));
					// ours first: Spring's public-client converter would take an mTLS
					// client's PKCE token request for a public client's
					converters.stream()
						.filter(ClientCertificateConverter.class::isInstance)
						.findFirst()
						.ifPresent((certificates) -> {
							converters.remove(certificates);
							converters.add(0, certificates);
						});
				}).authenticationProviders((providers) -> {
					SpringDefaults.replace(providers, JwtClientAssertionAuthenticationProvider.class, (provider) -> {
						provider.setJwtDecoderFactory(this.assertions);
						return new ActivePartnerAuthenticationProvider(provider, this.partners);
					});
					// RFC 8705 §2: tls_client_auth and self_signed_tls_client_auth
					SpringDefaults.replace(providers, X509ClientCertificateAuthenticationProvider.class, (provider) -> {
						provider.setCertificateVerifier(this.certificates);
						return new ActivePartnerAuthenticationProvider(provider, this.partners);
					});
				}));
	}

	@Override
	public void configure(HttpSecurity http) throws Exception {
		http.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
				new ClientAuthenticationRequiredEntryPoint(),
				new OrRequestMatcher(
						PathPatternRequestMatcher.pathPattern(this.settings.getPushedAuthorizationRequestEndpoint()),
						PathPatternRequestMatcher.pathPattern(this.settings.getTokenEndpoint()),
						PathPatternRequestMatcher.pathPattern(this.settings.getTokenIntrospectionEndpoint()),
						PathPatternRequestMatcher.pathPattern(this.settings.getTokenRevocationEndpoint()))));
	}

}
