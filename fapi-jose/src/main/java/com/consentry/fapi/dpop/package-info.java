/**
 * DPoP proof verification (RFC 9449 §4.3) with the policy both the authorization server
 * and the resource gateway apply: PS256/ES256 only, an expected URL from configuration,
 * replay refused through a store every instance shares, and stateless server nonces.
 */
@NullMarked
package com.consentry.fapi.dpop;

import org.jspecify.annotations.NullMarked;
