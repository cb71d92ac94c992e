/**
 * {@code private_key_jwt} client authentication held to FAPI 2.0: the issuer as the only
 * audience, short lifetimes, PS256/ES256 only, and a {@code jti} that no instance accepts
 * twice.
 */
@NullMarked
package com.consentry.authz.clientauth;

import org.jspecify.annotations.NullMarked;
