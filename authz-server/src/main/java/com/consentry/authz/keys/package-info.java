/**
 * The server's own keys. Signing keys (one ES256 and one PS256 in use at a time) are
 * generated on the first start, sealed at rest with AES-256-GCM under
 * {@code consentry.keys.encryption-key}, kept in PostgreSQL for every instance, rotated
 * on a schedule and published in the JWKS until nothing they signed can still be valid.
 * Shared symmetric secrets (such as the DPoP nonce key) live beside them.
 */
@NullMarked
package com.consentry.authz.keys;

import org.jspecify.annotations.NullMarked;
