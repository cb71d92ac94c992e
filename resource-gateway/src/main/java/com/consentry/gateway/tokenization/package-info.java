/**
 * Tokenized account numbers: the token each partner gets in place of an account number,
 * the vault that maps it back for the bank's payment intake, and its end with the consent
 * or by the bank.
 */
@NullMarked
package com.consentry.gateway.tokenization;

import org.jspecify.annotations.NullMarked;
