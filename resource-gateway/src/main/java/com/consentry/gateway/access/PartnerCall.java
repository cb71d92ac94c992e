package com.consentry.gateway.access;

import org.jspecify.annotations.Nullable;

/**
 * A request whose access token and sender constraint passed every check: the partner
 * holds the DPoP key or the client certificate the token is bound to and made this very
 * request with it.
 *
 * @param token the verified access token
 * @param proofJti the DPoP proof's identifier; {@code null} for a certificate-bound
 * token, which has no proof
 */
public record PartnerCall(AccessToken token, @Nullable String proofJti) {
}
