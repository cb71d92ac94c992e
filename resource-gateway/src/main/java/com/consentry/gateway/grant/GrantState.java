package com.consentry.gateway.grant;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the database said about one access token and the consent it carries, and when.
 *
 * @param tokenLive whether the authorization server still knows the token as usable (not
 * revoked, not replaced by a refresh)
 * @param consentStatus the consent's status
 * @param partnerStatus the partner's status
 * @param grant the consent's terms, when the consent exists
 * @param readAt when this was read
 * @param generation the change counter when the read began
 */
record GrantState(boolean tokenLive, @Nullable String consentStatus, @Nullable String partnerStatus,
		@Nullable Grant grant, Instant readAt, long generation) {
}
