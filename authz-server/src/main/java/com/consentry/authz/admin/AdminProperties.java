package com.consentry.authz.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bank admin console ({@code consentry.admin.*}).
 *
 * @param passkeyRequired whether every admin must sign in with a passkey after the
 * password (the default). Only the default run relaxes it: there an admin without a
 * passkey signs in with the password alone until one is enrolled;
 * {@code RunSettingsCheck} refuses the relaxed mode anywhere else
 * @param relyingPartyName the name an authenticator shows for the console's passkeys
 * @param tokenCountInterval how often each instance adds the access tokens it issued to
 * the per-partner daily counts the overview shows
 */
@ConfigurationProperties("consentry.admin")
public record AdminProperties(@DefaultValue("true") boolean passkeyRequired,
		@DefaultValue("Consentry bank console") String relyingPartyName,
		@DefaultValue("10s") Duration tokenCountInterval) {

}
