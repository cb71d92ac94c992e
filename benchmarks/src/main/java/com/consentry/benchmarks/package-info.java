/**
 * Benchmarks of the authorization server, run by hand, never by the build:
 * {@link SignatureBenchmark} (JMH) compares JCA providers for JWS signatures,
 * {@link LoadGenerator} measures refresh-token grants and complete authorization flows
 * per second against a server running on this machine, and {@link GatewayBenchmark}
 * measures what the resource gateway adds to an FDX call against the core-banking sandbox
 * called directly.
 */
@NullMarked
package com.consentry.benchmarks;

import org.jspecify.annotations.NullMarked;
