/**
 * Discovery metadata (RFC 8414, OpenID Connect Discovery) advertising exactly what this
 * server does.
 */
@NullMarked
package com.consentry.authz.metadata;

import org.jspecify.annotations.NullMarked;
