/**
 * The bank's records of customers and accounts, read from the {@code bank} schema (which
 * the authorization server migrates and seeds): the only data the sandbox does not
 * generate. Read only; looked-up rows are kept a few seconds so that a burst of requests
 * costs no round trips.
 */
@NullMarked
package com.consentry.sandbox.bank;

import org.jspecify.annotations.NullMarked;
