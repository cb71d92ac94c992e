package com.consentry.authz.authorize;

import java.util.function.Consumer;

import com.consentry.authz.AuthorizationServerPart;
import com.consentry.authz.SpringDefaults;
import com.consentry.authz.consentpage.ConsentDecision;
import com.consentry.authz.jarm.AuthorizationResponseRedirect;
import com.consentry.authz.par.FapiAuthorizationRequestRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The authorization endpoint: pushed requests only, the FAPI rules checked again, the
 * customer always asked (every authorization is its own FDX consent) and the decision
 * applied to it, a dead {@code request_uri} refused before sign-in, responses as JARM (or
 * plain with {@code iss}) to registered redirect URIs only, and the sign-in page for a
 * customer who has not signed in.
 */
@Component
final class AuthorizationEndpointPart implements AuthorizationServerPart {

	private final FapiAuthorizationRequestRules rules;

	private final OAuth2AuthorizationService authorizations;

	private final RegisteredClientRepository clients;

	private final AuthorizationResponseRedirect responseRedirect;

	private final AuthorizationServerSettings settings;

	private final Consumer<OAuth2AuthorizationConsentAuthenticationContext> consentDecision;

	AuthorizationEndpointPart(FapiAuthorizationRequestRules rules, OAuth2AuthorizationService authorizations,
			RegisteredClientRepository clients, AuthorizationResponseRedirect responseRedirect,
			AuthorizationServerSettings settings, ConsentDecision consentDecision) {
		Assert.notNull(rules, "rules cannot be null");
		Assert.notNull(authorizations, "authorizations cannot be null");
		Assert.notNull(clients, "clients cannot be null");
		Assert.notNull(responseRedirect, "responseRedirect cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(consentDecision, "consentDecision cannot be null");
		this.rules = rules;
		this.authorizations = authorizations;
		this.clients = clients;
		this.responseRedirect = responseRedirect;
		this.settings = settings;
		this.consentDecision = consentDecision;
	}

	@Override
	public void configure(OAuth2AuthorizationServerConfigurer server) {
		server.authorizationEndpoint((authorization) -> authorization
			.authorizationRequestConverters((converters) -> converters.add(0, new PushedRequestRequiredConverter()))
			.authenticationProviders((providers) -> {
				SpringDefaults.customize(providers, OAuth2AuthorizationCodeRequestAuthenticationProvider.class,
						(codeRequests) -> {
							codeRequests.setAuthenticationValidator(this.rules);
							// Every authorization creates its own FDX consent: always ask
							// the customer
							codeRequests.setAuthorizationConsentRequired((context) -> true);
						});
				SpringDefaults.customize(providers, OAuth2AuthorizationConsentAuthenticationProvider.class,
						(decisions) -> decisions.setAuthorizationConsentCustomizer(this.consentDecision));
			})
			.authorizationResponseHandler(
					new AuthorizationCodeResponseHandler(this.authorizations, this.clients, this.responseRedirect))
			.errorResponseHandler(new AuthorizationErrorResponseHandler(this.clients, this.responseRedirect)));
	}

	@Override
	public void configure(HttpSecurity http) throws Exception {
		String endpoint = this.settings.getAuthorizationEndpoint();
		http.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
				new LoginUrlAuthenticationEntryPoint("/login"), PathPatternRequestMatcher.pathPattern(endpoint)))
			.addFilterAfter(new PushedRequestPrecheckFilter(endpoint, this.authorizations),
					SecurityContextHolderFilter.class);
	}

}
