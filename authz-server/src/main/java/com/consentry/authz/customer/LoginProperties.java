package com.consentry.authz.customer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code consentry.login.*}).
 *
 * @param maxFailures failed attempts in a row before the sign-in is locked
 * @param lockout how long it stays locked
 */
@ConfigurationProperties("consentry.login")
public record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout) {
}
