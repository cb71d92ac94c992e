package com.consentry.gateway.access;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenTests {

	private static final byte[] DIGEST = new byte[32];

	private static final Instant EXPIRES = Instant.parse("2026-12-01T12:00:00Z");

	@Test
	@DisplayName("Issue 11 (5), RFC 8705 §3.1: a token's bound key for anomaly detection is the DPoP key's thumbprint, or the certificate's prefixed x5t#S256, never one mistaken for the other")
	void boundKeyOfEitherKind() {
		AccessToken dpop = new AccessToken(DIGEST, "client", "consent", "jkt-value", null, EXPIRES);
		AccessToken certificate = new AccessToken(DIGEST, "client", "consent", null, "jkt-value", EXPIRES);

		assertThat(dpop.boundKey()).isEqualTo("jkt-value");
		assertThat(certificate.boundKey()).isEqualTo("x5t#S256:jkt-value");
		assertThat(new AccessToken(DIGEST, "client", "consent", null, null, EXPIRES).boundKey()).isNull();
	}

}
