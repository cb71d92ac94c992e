package com.consentry.authz.dpop;

import com.consentry.fapi.dpop.DpopNonces;
import com.consentry.fapi.dpop.DpopProofVerifier;
import com.consentry.authz.AuthorizationServerPart;
import com.consentry.authz.SpringDefaults;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2RefreshTokenAuthenticationConverter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * DPoP proofs (RFC 9449) at PAR and the token endpoint, checked before anything else
 * reads the request, and handed to the token request's grant.
 */
@Component
final class DpopPart implements AuthorizationServerPart {

	private final DpopProofVerifier verifier;

	private final DpopNonces nonces;

	private final AuthorizationServerSettings settings;

	DpopPart(DpopProofVerifier verifier, DpopNonces nonces, AuthorizationServerSettings settings) {
		Assert.notNull(verifier, "verifier cannot be null");
		Assert.notNull(nonces, "nonces cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		this.verifier = verifier;
		this.nonces = nonces;
		this.settings = settings;
	}

	@Override
	public void configure(OAuth2AuthorizationServerConfigurer server) {
		server.tokenEndpoint((token) -> token.accessTokenRequestConverters((converters) -> {
			SpringDefaults.replace(converters, OAuth2AuthorizationCodeAuthenticationConverter.class,
					ProofCarryingGrantConverter::new);
			SpringDefaults.replace(converters, OAuth2RefreshTokenAuthenticationConverter.class,
					ProofCarryingGrantConverter::new);
		}));
	}

	@Override
	public void configure(HttpSecurity http) {
		http.addFilterBefore(new DpopProofFilter(this.verifier, this.nonces, this.settings),
				AbstractPreAuthenticatedProcessingFilter.class);
	}

}
