/**
 * Fault injection, for tests of the platform: {@code PUT /sandbox/faults} makes every
 * following {@code /fdx/**} request wait and/or fail with a chosen status and a body full
 * of internal-looking detail, so that tests can prove the gateway's timeouts, circuit
 * breaker and that no upstream internals leak; {@code DELETE} ends it.
 */
@NullMarked
package com.consentry.sandbox.faults;

import org.jspecify.annotations.NullMarked;
