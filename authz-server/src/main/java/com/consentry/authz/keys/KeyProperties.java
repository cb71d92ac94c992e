package com.consentry.authz.keys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server signing keys ({@code consentry.keys.*}).
 *
 * @param encryptionKey base64 of 32 bytes; seals the private keys at rest (AES-256-GCM).
 * Required.
 * @param rotationPeriod how long a key signs before a new one replaces it
 * @param retiredKeyPublication how long a replaced key stays in the JWKS: longer than
 * anything it signed lives (ID tokens 30 min, access tokens at most 15 min, JARM
 * responses 5 min)
 */
@ConfigurationProperties("consentry.keys")
public record KeyProperties(String encryptionKey, @DefaultValue("30d") Duration rotationPeriod,
		@DefaultValue("1h") Duration retiredKeyPublication) {
}
