/**
 * FDX v6 transactions of an account (spec/fdx.md §3, §3.2): a date-filtered, paginated
 * search over the account's generated history, newest first.
 */
@NullMarked
package com.consentry.sandbox.transactions;

import org.jspecify.annotations.NullMarked;
