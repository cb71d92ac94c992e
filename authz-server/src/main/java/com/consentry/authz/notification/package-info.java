/**
 * Partner notification of revocations the partner did not make (CFPB 1033.331(e): a data
 * provider that lets the customer revoke must tell the third party; FDX event
 * notifications, category {@code CONSENT}, type {@code CONSENT_REVOKED}). A revocation
 * writes an event to a transactional outbox in its own transaction; a scheduled sender on
 * every instance claims due events, signs each as a JWS with the server's key and POSTs
 * it to the partner's registered {@code notification_uri}, retrying with exponential
 * back-off. {@link com.consentry.authz.notification.ConsentEventDeliveries} tells what
 * became of each event.
 */
@NullMarked
package com.consentry.authz.notification;

import org.jspecify.annotations.NullMarked;
