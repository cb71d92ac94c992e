/**
 * Who is calling: the DPoP-bound access token and the DPoP proof of every request (FAPI
 * 2.0 SP §5.3.4, RFC 9449 §7), checked against the issuer's keys, a replay store shared
 * by every instance and the gateway's nonces.
 */
@NullMarked
package com.consentry.gateway.access;

import org.jspecify.annotations.NullMarked;
