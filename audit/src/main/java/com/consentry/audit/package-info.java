/**
 * The tamper-evident audit trail every component writes to: {@link AuditTrail#record}
 * appends an {@link AuditEvent} to one hash-chained, append-only log in PostgreSQL
 * (schema {@code audit}) and writes it as an ECS log line; {@link AuditCheckpoints} signs
 * the chain's head with ES256 and ML-DSA; {@link AuditChainVerifier} re-walks it and
 * names the first broken record; {@link ConsentAccesses} reads a consent's data accesses
 * for the customer.
 */
@NullMarked
package com.consentry.audit;

import org.jspecify.annotations.NullMarked;
