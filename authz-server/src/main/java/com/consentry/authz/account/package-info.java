/**
 * The signed-in customer's home at {@code /account}: every consent granted, by partner,
 * with what each shares and until when; the customer opens one and revokes it after a
 * confirmation. Server-rendered forms with CSRF, behind the customer sign-in.
 */
@NullMarked
package com.consentry.authz.account;

import org.jspecify.annotations.NullMarked;
