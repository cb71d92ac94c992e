package com.consentry.gateway.access;

import java.time.Instant;

/**
 * An access token whose signature, issuer, audience, type and expiry were checked.
 *
 * @param digest the SHA-256 of the token, under which the authorization server stores it
 * @param clientId the partner it was issued to
 * @param consentId the FDX consent it carries ({@code fdxConsentId})
 * @param jkt the thumbprint of the key it is bound to ({@code cnf.jkt})
 * @param expiresAt its {@code exp}
 */
public record AccessToken(byte[] digest, String clientId, String consentId, String jkt, Instant expiresAt) {
}
