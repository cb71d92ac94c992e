/**
 * The simulated core: everything about an account that {@code bank.account} does not hold
 * (terms, transactions, holdings, statements, contact data), generated deterministically
 * from the account and the customer, so that the same question gets the same answer on
 * every run and every instance. Generated histories are cached (bounded); nothing is
 * written anywhere.
 */
@NullMarked
package com.consentry.sandbox.core;

import org.jspecify.annotations.NullMarked;
