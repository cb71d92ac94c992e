package com.consentry.gateway.grant;

/**
 * The consent service announced a change of this consent's status (revoked, expired,
 * suspended, resumed), published by {@link GrantChanges} on the listener's thread: keep
 * the work done there short.
 *
 * @param consentId the consent
 */
public record ConsentChanged(String consentId) {
}
