package com.consentry.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The gateway's settings ({@code consentry.gateway.*}), each settable by its environment
 * variable.
 *
 * @param issuer the authorization server whose access tokens are accepted (their
 * {@code iss})
 * @param jwksUri where its signing keys are published; the issuer's {@code /oauth2/jwks}
 * when not set
 * @param audience the value this gateway expects in a token's {@code aud}
 * @param publicBaseUrl the URL partners call (scheme, host, port): DPoP proofs name it in
 * {@code htu}, whatever a proxy in front rewrote
 * @param coreBankingUrl the bank's core-banking upstream the FDX account APIs are served
 * from
 * @param consentServiceUrl where the FDX consent API is served (the authorization server)
 * @param secret base64 key (at least 32 bytes) for DPoP nonces and customer pseudonyms,
 * the same on every instance
 * @param dpop proof checks
 * @param grants how long what the gateway learnt about tokens and consents is trusted
 * @param rateLimits request rates per tier
 */
@ConfigurationProperties("consentry.gateway")
public record GatewayProperties(URI issuer, @Nullable URI jwksUri, String audience, URI publicBaseUrl,
		URI coreBankingUrl, URI consentServiceUrl, String secret, @DefaultValue Dpop dpop, @DefaultValue Grants grants,
		@DefaultValue RateLimits rateLimits) {

	public GatewayProperties {
		Assert.notNull(issuer, "consentry.gateway.issuer must be set");
		Assert.hasText(audience, "consentry.gateway.audience must be set");
		Assert.notNull(publicBaseUrl, "consentry.gateway.public-base-url must be set");
		Assert.notNull(coreBankingUrl, "consentry.gateway.core-banking-url must be set");
		Assert.notNull(consentServiceUrl, "consentry.gateway.consent-service-url must be set");
		Assert.hasText(secret, "consentry.gateway.secret must be set");
	}

	/** Where the issuer's signing keys are read. */
	public URI signingKeysUri() {
		return (this.jwksUri != null) ? this.jwksUri : URI.create(this.issuer.toString() + "/oauth2/jwks");
	}

	/**
	 * DPoP at the gateway.
	 *
	 * @param nonceRequired whether proofs must carry a gateway nonce (RFC 9449 §9)
	 * @param proofMaxAge how old a proof's {@code iat} may be
	 * @param nonceStep how long one nonce is current
	 */
	public record Dpop(@DefaultValue("false") boolean nonceRequired, @DefaultValue("60s") Duration proofMaxAge,
			@DefaultValue("60s") Duration nonceStep) {
	}

	/**
	 * How long cached grant state is trusted.
	 *
	 * @param staleAfter while the change listener is down, cached state older than this
	 * is read again before use; past it, with the database unreachable, requests are
	 * refused
	 * @param maxAge cached state is read again after this even while the listener is up
	 * (a safety net for a lost notification)
	 * @param capacity the most tokens and consents kept
	 */
	public record Grants(@DefaultValue("1s") Duration staleAfter, @DefaultValue("30s") Duration maxAge,
			@DefaultValue("100000") int capacity) {
	}

	/**
	 * Rate limits, per tier of the partner's policy.
	 *
	 * @param enabled whether limits apply
	 * @param tiers per tier name ({@code LIMITED}, {@code STANDARD}, {@code ELEVATED})
	 * @param defaultTier the tier of a partner whose policy names none
	 */
	public record RateLimits(@DefaultValue("true") boolean enabled, @Nullable Map<String, Tier> tiers,
			@DefaultValue("STANDARD") String defaultTier) {

		public Tier tier(String name) {
			Tier tier = (this.tiers != null) ? this.tiers.get(name) : null;
			if (tier == null && this.tiers != null) {
				tier = this.tiers.get(this.defaultTier);
			}
			return (tier != null) ? tier : Tier.STANDARD;
		}

	}

	/**
	 * One tier: sustained rate and burst, per partner and per customer-partner pair.
	 *
	 * @param partnerPerSecond requests per second a partner may make in all
	 * @param partnerBurst how many at once
	 * @param customerPerSecond requests per second for one customer's data
	 * @param customerBurst how many at once
	 */
	public record Tier(int partnerPerSecond, int partnerBurst, int customerPerSecond, int customerBurst) {

		static final Tier STANDARD = new Tier(100, 200, 20, 40);

	}

}
