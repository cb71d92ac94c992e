/**
 * Single-use identifiers shared by every instance through PostgreSQL: DPoP proof and
 * client assertion {@code jti} values.
 */
@NullMarked
package com.consentry.authz.replay;

import org.jspecify.annotations.NullMarked;
