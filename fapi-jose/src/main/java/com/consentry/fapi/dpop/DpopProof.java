package com.consentry.fapi.dpop;

import java.time.Instant;

/**
 * A DPoP proof that passed every check of RFC 9449 §4.3 for the current request.
 *
 * @param jkt the RFC 7638 SHA-256 thumbprint of the proof key, base64url
 * @param jti the proof's unique identifier
 * @param issuedAt the proof's {@code iat}
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-4.3">RFC 9449
 * §4.3</a>
 */
public record DpopProof(String jkt, String jti, Instant issuedAt) {
}
