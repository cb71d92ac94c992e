/**
 * Registered clients, cached in memory on every instance and dropped from every cache the
 * moment the registry changes them (PostgreSQL {@code LISTEN/NOTIFY}), so the hot paths
 * read no client row.
 */
@NullMarked
package com.consentry.authz.clients;

import org.jspecify.annotations.NullMarked;
