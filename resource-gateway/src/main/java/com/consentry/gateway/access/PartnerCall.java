package com.consentry.gateway.access;

/**
 * A request whose access token and DPoP proof passed every check: the partner holds the
 * key the token is bound to and made this very request with it.
 *
 * @param token the verified access token
 * @param proofJti the proof's identifier
 */
public record PartnerCall(AccessToken token, String proofJti) {
}
