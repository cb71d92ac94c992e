/**
 * Partner registry: fintech partners registered through RFC 7591 dynamic client
 * registration with a software statement signed by a trusted directory, managed through
 * RFC 7592. This package is the module's API; {@code internal} holds the endpoint,
 * statement verification and storage.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591">RFC 7591 Dynamic Client
 * Registration</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7592">RFC 7592 Dynamic Client
 * Registration Management</a>
 */
@NullMarked
package com.consentry.registry;

import org.jspecify.annotations.NullMarked;
