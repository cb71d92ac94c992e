/**
 * Benchmarks of the authorization server, run by hand, never by the build:
 * {@link SignatureBenchmark} (JMH) compares JCA providers for JWS signatures, and
 * {@link LoadGenerator} measures refresh-token grants and complete authorization flows
 * per second against a server running on this machine.
 */
@NullMarked
package com.consentry.benchmarks;

import org.jspecify.annotations.NullMarked;
