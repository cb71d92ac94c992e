/**
 * FDX v6 customer (spec/fdx.md §3): {@code /customers/current}, the customer the gateway
 * names, with contact and personal data and the accounts held.
 */
@NullMarked
package com.consentry.sandbox.customers;

import org.jspecify.annotations.NullMarked;
