/**
 * Storage of consents in PostgreSQL (schema {@code consent}). Internal to the consent
 * module.
 */
@NullMarked
package com.consentry.consent.internal;

import org.jspecify.annotations.NullMarked;
