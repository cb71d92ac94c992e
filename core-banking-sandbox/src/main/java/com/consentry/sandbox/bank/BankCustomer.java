package com.consentry.sandbox.bank;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code bank.customer}.
 *
 * @param customerId the bank's customer id
 * @param givenName first name
 * @param familyName last name
 * @param email the address on file, if any
 */
public record BankCustomer(String customerId, String givenName, String familyName, @Nullable String email) {
}
