/**
 * What every FDX endpoint of the sandbox shares: the error shape and its one writer
 * (spec/fdx.md §3.3), {@code x-fapi-interaction-id}, the customer named by the gateway,
 * paging (§3.1) and date filters (§3.2).
 */
@NullMarked
package com.consentry.sandbox.fdx;

import org.jspecify.annotations.NullMarked;
