/**
 * Authorizations on PostgreSQL, shaped for the hot paths: pushed requests, consent-page
 * states, codes, access and refresh tokens kept only as SHA-256 digests in plain, indexed
 * columns; single use enforced by the database (a write based on an older read is
 * refused); expired rows purged in batches.
 */
@NullMarked
package com.consentry.authz.authorization;

import org.jspecify.annotations.NullMarked;
