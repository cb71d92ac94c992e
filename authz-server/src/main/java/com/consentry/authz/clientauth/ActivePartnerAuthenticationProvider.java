package com.consentry.authz.clientauth;

import java.util.Optional;

import com.consentry.registry.FapiClientSettings;
import com.consentry.registry.Partner;
import com.consentry.registry.PartnerStatus;
import com.consentry.registry.Partners;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.Assert;

/**
 * Client authentication, then the partner's standing: a client that proved its identity
 * but whose organisation is not ACTIVE (awaiting approval, suspended) is refused with
 * {@code unauthorized_client} (RFC 6749 §5.2: the authenticated client is not authorized)
 * at every client-authenticated endpoint (PAR, token and so refresh). Checked after the
 * assertion, so a caller who cannot sign for the client learns nothing of its standing,
 * and read from the database on every request, so a bank admin's decision holds at once
 * on every instance. Resource servers are no partners and pass.
 */
final class ActivePartnerAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider clientAuthentication;

	private final Partners partners;

	ActivePartnerAuthenticationProvider(AuthenticationProvider clientAuthentication, Partners partners) {
		Assert.notNull(clientAuthentication, "clientAuthentication cannot be null");
		Assert.notNull(partners, "partners cannot be null");
		this.clientAuthentication = clientAuthentication;
		this.partners = partners;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Authentication result = this.clientAuthentication.authenticate(authentication);
		if (result instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
			RegisteredClient registered = client.getRegisteredClient();
			if (registered != null && !FapiClientSettings.resourceServer(registered)) {
				requireActive(this.partners.find(registered.getClientId()));
			}
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.clientAuthentication.supports(authentication);
	}

	private static void requireActive(Optional<Partner> partner) {
		PartnerStatus status = partner.map(Partner::status).orElse(null);
		if (status == PartnerStatus.ACTIVE) {
			return;
		}
		String description = (status == PartnerStatus.PENDING) ? "the partner awaits the bank's approval"
				: "the partner is not active";
		throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, description,
				"https://datatracker.ietf.org/doc/html/rfc6749#section-5.2"));
	}

}
