/**
 * Customers: sign-in against Argon2id password hashes with throttling of failed attempts,
 * and the bank's record of their accounts.
 */
@NullMarked
package com.consentry.authz.customer;

import org.jspecify.annotations.NullMarked;
