package com.consentry.audit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationTests {

	@Test
	@DisplayName("W3C Trace Context §3.2: the trace id of a valid traceparent is kept")
	void validTraceparent() {
		assertThat(Correlation.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(Correlation.traceIdOf("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-later"))
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	@DisplayName("W3C Trace Context §3.2.2: all-zero ids, version ff, upper case or extra fields in version 00 are invalid")
	void invalidTraceparent() {
		assertThat(Correlation.traceIdOf("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
		assertThat(Correlation.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isNull();
		assertThat(Correlation.traceIdOf("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
		assertThat(Correlation.traceIdOf("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isNull();
		assertThat(Correlation.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x")).isNull();
		assertThat(Correlation.traceIdOf(null)).isNull();
	}

	@Test
	@DisplayName("A new trace id is valid, and passed on in a traceparent with a new parent id")
	void newTrace() {
		String traceId = Correlation.newTraceId();
		assertThat(Correlation.isTraceId(traceId)).isTrue();
		assertThat(Correlation.traceIdOf(Correlation.traceparent(traceId))).isEqualTo(traceId);
		try (Correlation.Scope scope = Correlation.open(traceId)) {
			assertThat(Correlation.currentTraceId()).isEqualTo(traceId);
		}
		assertThat(Correlation.currentTraceId()).isNotEqualTo(traceId);
	}

}
