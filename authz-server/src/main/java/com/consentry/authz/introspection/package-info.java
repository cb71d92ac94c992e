/**
 * Token introspection (RFC 7662) for registered resource servers only, answering
 * {@code active: false} as soon as the consent behind a token is no longer ACTIVE.
 */
@NullMarked
package com.consentry.authz.introspection;

import org.jspecify.annotations.NullMarked;
