package com.consentry.authz.introspection;

import com.consentry.authz.token.AccessTokenClaims;
import com.consentry.consent.ConsentId;
import com.consentry.consent.Consents;
import com.consentry.registry.FapiClientSettings;
import com.consentry.registry.Partners;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.util.Assert;

/**
 * Spring Authorization Server's introspection, narrowed and extended:
 * <ul>
 * <li>only clients registered as resource servers may introspect (FAPI 2.0 MS §6.2, RFC
 * 7662 §2.1);</li>
 * <li>a token whose FDX consent is no longer ACTIVE is reported inactive (FDX: consent
 * checked on every use);</li>
 * <li>a token of a partner that is not ACTIVE (suspended by the bank) is reported
 * inactive; it is active again once the partner is reactivated, if it has not expired
 * meanwhile.</li>
 * </ul>
 */
public final class ConsentAwareIntrospectionProvider implements AuthenticationProvider {

	private final AuthenticationProvider introspection;

	private final Consents consents;

	private final Partners partners;

	public ConsentAwareIntrospectionProvider(AuthenticationProvider introspection, Consents consents,
			Partners partners) {
		Assert.notNull(introspection, "introspection cannot be null");
		Assert.notNull(consents, "consents cannot be null");
		Assert.notNull(partners, "partners cannot be null");
		this.introspection = introspection;
		this.consents = consents;
		this.partners = partners;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		OAuth2TokenIntrospectionAuthenticationToken request = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
		if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller) || !caller.isAuthenticated()
				|| !FapiClientSettings.resourceServer(caller.getRegisteredClient())) {
			throw new OAuth2AuthenticationException(new OAuth2Error("unauthorized_client",
					"only registered resource servers may introspect tokens", null));
		}
		OAuth2TokenIntrospectionAuthenticationToken result = (OAuth2TokenIntrospectionAuthenticationToken) this.introspection
			.authenticate(request);
		OAuth2TokenIntrospection claims = result.getTokenClaims();
		if (!claims.isActive()) {
			return result;
		}
		Object consentId = claims.getClaims().get(AccessTokenClaims.FDX_CONSENT_ID);
		boolean consentActive = consentId instanceof String id && ConsentId.isWellFormed(id)
				&& this.consents.isActive(new ConsentId(id));
		if (consentActive && this.partners.isActive(claims.getClientId())) {
			return result;
		}
		return new OAuth2TokenIntrospectionAuthenticationToken(result.getToken(), caller,
				OAuth2TokenIntrospection.builder().build());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2TokenIntrospectionAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
