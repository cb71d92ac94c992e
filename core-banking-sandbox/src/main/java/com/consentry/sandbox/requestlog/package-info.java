/**
 * The request log, for tests of the platform: every request to {@code /fdx/**} as the
 * sandbox received it (method, path, query, the customer header, interaction id, time),
 * in a bounded ring, read and cleared at {@code /sandbox/requests}. A test proves that
 * the gateway refused a request without calling the upstream by finding no such entry.
 */
@NullMarked
package com.consentry.sandbox.requestlog;

import org.jspecify.annotations.NullMarked;
