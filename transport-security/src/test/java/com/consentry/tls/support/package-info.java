/**
 * TLS clients for the transport tests of every deployable.
 */
@NullMarked
package com.consentry.tls.support;

import org.jspecify.annotations.NullMarked;
