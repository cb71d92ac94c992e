/**
 * FDX consent: what a partner asked for at PAR (an {@code fdx_v1.0} authorization
 * detail), what the customer granted, and where the consent stands in its lifecycle. This
 * package is the module's API; {@code internal} holds its storage.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9396">RFC 9396 Rich
 * Authorization Requests</a>
 */
@NullMarked
package com.consentry.consent;

import org.jspecify.annotations.NullMarked;
