/**
 * Tokens: DPoP-bound JWT access tokens (RFC 9068 shape) carrying the FDX consent, refresh
 * tokens bound to the same key and never outliving the consent, and the token response's
 * {@code grant_id} and {@code authorization_details}.
 */
@NullMarked
package com.consentry.authz.token;

import org.jspecify.annotations.NullMarked;
