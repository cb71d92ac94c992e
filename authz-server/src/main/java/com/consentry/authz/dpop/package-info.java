/**
 * DPoP (RFC 9449) at the PAR, token and userinfo endpoints: proof verification against
 * the configured issuer URL, a replay store and server nonces shared by every instance,
 * and the typed {@link com.consentry.fapi.dpop.DpopProof} that later steps bind tokens
 * and codes to.
 */
@NullMarked
package com.consentry.authz.dpop;

import org.jspecify.annotations.NullMarked;
