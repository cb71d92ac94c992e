package com.consentry.sandbox;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The sandbox binds to loopback only. */
class LoopbackBindingTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.0.0.2", "::1", "localhost" })
	@DisplayName("Loopback only: a loopback server.address starts")
	void loopback(String address) {
		assertThatNoException().isThrownBy(() -> LoopbackBinding.requireLoopback(address));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "0.0.0.0", "::", "10.0.0.7", "192.168.1.20", "8.8.8.8" })
	@DisplayName("Loopback only: any other server.address, or none, refuses to start, saying why")
	void notLoopback(String address) {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> LoopbackBinding.requireLoopback(address))
			.withMessageContaining("loopback only");
	}

	@Test
	@DisplayName("Loopback only: the refusal is reported as a failure analysis saying what to set")
	void analysis() {
		LoopbackBinding.NotLoopback refusal = new LoopbackBinding.NotLoopback(
				"server.address '0.0.0.0' is not a " + "loopback address");
		FailureAnalysis analysis = new LoopbackBinding.NotLoopbackAnalyzer()
			.analyze(new IllegalStateException("Unable to start web server", refusal));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("'0.0.0.0' is not a loopback address");
		assertThat(analysis.getAction()).contains("server.address=127.0.0.1");
	}

}
