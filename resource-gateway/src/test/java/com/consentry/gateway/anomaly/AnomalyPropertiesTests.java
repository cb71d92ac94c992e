package com.consentry.gateway.anomaly;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyPropertiesTests {

	private static AnomalyProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("consentry.gateway.anomaly",
				AnomalyProperties.class);
	}

	@Test
	void bindWhenNothingSetThenDefaults() {
		AnomalyProperties bound = bind(Map.of());
		assertThat(bound).isEqualTo(AnomalyProperties.defaults());
		assertThat(bound.response(Detector.ENUMERATION)).isEqualTo(Response.THROTTLE);
		assertThat(bound.response(Detector.VOLUME_SPIKE)).isEqualTo(Response.ALERT);
	}

	@Test
	void bindWhenResponsesNamedAsInYamlThenEachDetectorGetsItsOwn() {
		AnomalyProperties bound = bind(Map.of("consentry.gateway.anomaly.responses.off-hours-burst", "suspend",
				"consentry.gateway.anomaly.responses.enumeration", "alert",
				"consentry.gateway.anomaly.enumeration-window", "2m"));
		assertThat(bound.response(Detector.OFF_HOURS_BURST)).isEqualTo(Response.SUSPEND);
		assertThat(bound.response(Detector.ENUMERATION)).isEqualTo(Response.ALERT);
		assertThat(bound.response(Detector.NEW_DPOP_KEY)).isEqualTo(Response.ALERT);
		assertThat(bound.enumerationWindow()).isEqualTo(Duration.ofMinutes(2));
	}

}
