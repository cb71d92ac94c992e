/**
 * JWT Secured Authorization Response Mode (JARM) and RFC 9207 {@code iss}: every
 * authorization response, success or error, goes back to the client signed or with the
 * issuer named.
 */
@NullMarked
package com.consentry.authz.jarm;

import org.jspecify.annotations.NullMarked;
