/**
 * The bank's core-banking system behind the gateway: timeouts, a circuit breaker, and
 * nothing of its failures passed on.
 */
@NullMarked
package com.consentry.gateway.upstream;

import org.jspecify.annotations.NullMarked;
