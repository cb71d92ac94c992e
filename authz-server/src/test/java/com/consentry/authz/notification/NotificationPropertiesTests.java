package com.consentry.authz.notification;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPropertiesTests {

	@Test
	@DisplayName("Outbox back-off: doubles from the initial wait after each failed attempt, capped at the maximum")
	void backoffAfterWhenAttemptsGrowThenDoublesUpToMaximum() {
		NotificationProperties properties = new NotificationProperties(Duration.ofSeconds(5), 20, 8,
				Duration.ofSeconds(30), Duration.ofMinutes(3), Duration.ofSeconds(2), Duration.ofSeconds(2), false,
				null);

		assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
		assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofMinutes(3));
		assertThat(properties.backoffAfter(50)).isEqualTo(Duration.ofMinutes(3));
	}

}
