/**
 * How OAuth errors leave the server: one writer for the RFC 6749 §5.2 JSON error body,
 * and the one rule for what an {@code error_description} may contain, applied wherever a
 * description is made from what a client sent.
 */
@NullMarked
package com.consentry.authz.errors;

import org.jspecify.annotations.NullMarked;
