package com.consentry.authz.introspection;

import com.consentry.authz.AuthorizationServerPart;
import com.consentry.authz.SpringDefaults;
import com.consentry.consent.Consents;
import com.consentry.registry.Partners;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Introspection (RFC 7662): resource servers only, and inactive once the token's consent
 * is not ACTIVE.
 */
@Component
final class IntrospectionPart implements AuthorizationServerPart {

	private final Consents consents;

	private final Partners partners;

	IntrospectionPart(Consents consents, Partners partners) {
		Assert.notNull(partners, "partners cannot be null");
		this.partners = partners;
		Assert.notNull(consents, "consents cannot be null");
		this.consents = consents;
	}

	@Override
	public void configure(OAuth2AuthorizationServerConfigurer server) {
		server.tokenIntrospectionEndpoint((introspection) -> introspection.authenticationProviders(
				(providers) -> SpringDefaults.replace(providers, OAuth2TokenIntrospectionAuthenticationProvider.class,
						(spring) -> new ConsentAwareIntrospectionProvider(spring, this.consents, this.partners))));
	}

}
