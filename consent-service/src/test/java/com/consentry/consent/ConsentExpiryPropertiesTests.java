package com.consentry.consent;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsentExpiryPropertiesTests {

	@Test
	@DisplayName("CFPB 1033.351: consent records are kept at least three years; a shorter retention refuses to start")
	void retentionIsAtLeastThreeYears() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentExpiryProperties(Duration.ofMinutes(1), 100, Duration.ofDays(1094)))
			.withMessageContaining("three years");
		assertThat(new ConsentExpiryProperties(Duration.ofMinutes(1), 100, Duration.ofDays(1095)).retention())
			.isEqualTo(Duration.ofDays(1095));
	}

}
