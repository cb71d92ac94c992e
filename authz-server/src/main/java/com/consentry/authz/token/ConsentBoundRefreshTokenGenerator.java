package com.consentry.authz.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import com.consentry.consent.Consent;
import com.consentry.consent.DurationType;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.util.Assert;

/**
 * Refresh tokens: 256 random bits, only for consents that outlast one use (not ONE_TIME),
 * and expiring no later than the consent does.
 */
final class ConsentBoundRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

	private final StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);

	private final ConsentLookup consentLookup;

	private final Clock clock;

	ConsentBoundRefreshTokenGenerator(ConsentLookup consentLookup, Clock clock) {
		Assert.notNull(consentLookup, "consentLookup cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.consentLookup = consentLookup;
		this.clock = clock;
	}

	@Override
	public @Nullable OAuth2RefreshToken generate(OAuth2TokenContext context) {
		if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType()) || !context.getRegisteredClient()
			.getAuthorizationGrantTypes()
			.contains(AuthorizationGrantType.REFRESH_TOKEN)) {
			return null;
		}
		Consent consent = this.consentLookup.activeConsentOf(context.getAuthorization());
		if (consent.request().durationType() == DurationType.ONE_TIME) {
			return null;
		}
		Instant issuedAt = this.clock.instant();
		Instant expiresAt = issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
		if (consent.expiresAt() != null && consent.expiresAt().isBefore(expiresAt)) {
			expiresAt = consent.expiresAt();
		}
		return new OAuth2RefreshToken(this.values.generateKey(), issuedAt, expiresAt);
	}

}
