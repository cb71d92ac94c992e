/**
 * Rate limits per partner and per customer-partner pair, shared by every gateway
 * instance.
 */
@NullMarked
package com.consentry.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
