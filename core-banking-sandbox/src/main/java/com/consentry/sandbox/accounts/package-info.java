/**
 * FDX v6 accounts (spec/fdx.md §3): the account search (lightweight descriptors or
 * details), one account with its balances, terms and holdings, its payment networks and
 * its holders' contact data. Flat objects keyed by {@code accountCategory}.
 */
@NullMarked
package com.consentry.sandbox.accounts;

import org.jspecify.annotations.NullMarked;
