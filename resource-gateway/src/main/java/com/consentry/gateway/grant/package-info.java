/**
 * What a token may read right now: its consent's terms and the live state of token,
 * consent and partner, kept in memory and dropped the moment the database announces a
 * change.
 */
@NullMarked
package com.consentry.gateway.grant;

import org.jspecify.annotations.NullMarked;
