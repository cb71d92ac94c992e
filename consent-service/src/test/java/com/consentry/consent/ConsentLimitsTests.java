package com.consentry.consent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests for {@link ConsentLimits}.
 */
class ConsentLimitsTests {

	@Test
	@DisplayName("CFPB 1033: without configuration a consent lasts at most 365 days, 730 days of history, 90 by default, ONE_TIME for 60 minutes")
	void bindWhenNothingConfiguredThenDefaults() {
		ConsentLimits limits = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("consentry.consent", ConsentLimits.class);
		assertThat(limits).isEqualTo(new ConsentLimits(365, 730, 90, 60));
	}

	@Test
	@DisplayName("CFPB 1033: a bank may configure tighter limits")
	void bindWhenConfiguredThenValuesUsed() {
		ConsentLimits limits = new Binder(new MapConfigurationPropertySource(
				Map.of("consentry.consent.max-duration-days", "180", "consentry.consent.max-lookback-days", "365",
						"consentry.consent.default-lookback-days", "30", "consentry.consent.one-time-minutes", "5")))
			.bindOrCreate("consentry.consent", ConsentLimits.class);
		assertThat(limits).isEqualTo(new ConsentLimits(180, 365, 30, 5));
	}

	@Test
	@DisplayName("CFPB 1033: limits at their edges are accepted")
	void constructorWhenAtEdgesThenCreated() {
		assertThat(new ConsentLimits(365, 0, 0, 1).maxDurationDays()).isEqualTo(365);
		assertThat(new ConsentLimits(1, 730, 730, 60).defaultLookbackDays()).isEqualTo(730);
	}

	@ParameterizedTest
	@MethodSource("invalidLimits")
	@DisplayName("CFPB 1033: limits the bank may not configure are refused at start-up")
	void constructorWhenOutOfRangeThenIllegalArgument(int maxDurationDays, int maxLookbackDays, int defaultLookbackDays,
			int oneTimeMinutes, String keyword) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentLimits(maxDurationDays, maxLookbackDays, defaultLookbackDays, oneTimeMinutes))
			.withMessageContaining(keyword);
	}

	static List<Arguments> invalidLimits() {
		return List.of(
				argumentSet("fails because maxDurationDays exceeds a year (CFPB 1033)", 366, 730, 90, 60,
						"maxDurationDays"),
				argumentSet("fails because maxDurationDays is 0", 0, 730, 90, 60, "maxDurationDays"),
				argumentSet("fails because maxLookbackDays is negative", 365, -1, 0, 60, "maxLookbackDays"),
				argumentSet("fails because defaultLookbackDays exceeds maxLookbackDays", 365, 60, 90, 60,
						"defaultLookbackDays"),
				argumentSet("fails because defaultLookbackDays is negative", 365, 730, -1, 60, "defaultLookbackDays"),
				argumentSet("fails because oneTimeMinutes is 0", 365, 730, 90, 0, "oneTimeMinutes"));
	}

}
