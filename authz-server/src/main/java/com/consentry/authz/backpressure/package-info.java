/**
 * Back-pressure: when the database is saturated or slow, a request fails fast with
 * {@code 503} and {@code Retry-After} instead of hanging, and the server recovers by
 * itself once the load drops.
 */
@NullMarked
package com.consentry.authz.backpressure;

import org.jspecify.annotations.NullMarked;
