/**
 * PostgreSQL {@code LISTEN/NOTIFY} for the caches every instance keeps.
 */
@NullMarked
package com.consentry.notifications;

import org.jspecify.annotations.NullMarked;
