package com.consentry.authz.notification;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ssl.DefaultSslBundleRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The outbound call's guards, without a server context: the SSRF address policy, https
 * only.
 */
class PartnerEndpointsTests {

	@Test
	@DisplayName("SSRF guard: a notification_uri that resolves to loopback is refused at connect time unless private addresses are allowed")
	void postWhenLoopbackAndPrivateAddressesRefusedThenNothingSent() throws Exception {
		try (TestPartnerEndpoint endpoint = new TestPartnerEndpoint(204)) {
			PartnerEndpoints guarded = new PartnerEndpoints(properties(false), new DefaultSslBundleRegistry());

			assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> guarded.post(endpoint.uri().toString(), "a.b.c"))
				.withMessageContaining("non-public address");
			assertThat(endpoint.received()).isEmpty();
		}
	}

	@Test
	@DisplayName("SSRF guard: only https URIs with a host are called")
	void postWhenNotHttpsThenRefused() {
		PartnerEndpoints endpoints = new PartnerEndpoints(properties(true), new DefaultSslBundleRegistry());

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> endpoints.post("http://127.0.0.1:9/consent-events", "a.b.c"));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> endpoints.post("file:/etc/passwd", "a.b.c"));
	}

	private static NotificationProperties properties(boolean allowPrivateAddresses) {
		return new NotificationProperties(Duration.ofSeconds(5), 20, 8, Duration.ofSeconds(30), Duration.ofHours(1),
				Duration.ofSeconds(2), Duration.ofSeconds(2), allowPrivateAddresses, null);
	}

}
