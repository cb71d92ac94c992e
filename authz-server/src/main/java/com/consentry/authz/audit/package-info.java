/**
 * The authorization server's part of the audit trail: the trail itself (module
 * {@code audit}) wired to the database, the trace of every request, the records of
 * registrations, partner lifecycle, consent lifecycle and tokens, the scheduled signed
 * checkpoints, and the admins' verification endpoint.
 */
@NullMarked
package com.consentry.authz.audit;

import org.jspecify.annotations.NullMarked;
