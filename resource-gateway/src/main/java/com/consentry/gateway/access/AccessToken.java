package com.consentry.gateway.access;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An access token whose signature, issuer, audience, type and expiry were checked.
 *
 * @param digest the SHA-256 of the token, under which the authorization server stores it
 * @param clientId the partner it was issued to
 * @param consentId the FDX consent it carries ({@code fdxConsentId})
 * @param jkt the thumbprint of the DPoP key it is bound to ({@code cnf.jkt}), or
 * {@code null} when it is bound to a certificate
 * @param x5t the thumbprint of the client certificate it is bound to
 * ({@code cnf.x5t#S256}, RFC 8705 §3.1), or {@code null} when it is bound to a DPoP key
 * @param expiresAt its {@code exp}
 */
public record AccessToken(byte[] digest, String clientId, String consentId, @Nullable String jkt, @Nullable String x5t,
		Instant expiresAt) {

	/**
	 * The key the token is bound to, as anomaly detection tracks a partner's keys: the
	 * DPoP key's thumbprint, or the client certificate's prefixed {@code x5t#S256:} (so
	 * the two kinds never meet).
	 */
	public @Nullable String boundKey() {
		if (this.jkt != null) {
			return this.jkt;
		}
		return (this.x5t != null) ? "x5t#S256:" + this.x5t : null;
	}

}
