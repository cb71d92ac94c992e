package com.consentry.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationRequestTests {

	@Test
	@DisplayName("RFC7591 §3.1: reads the members and the software statement of a JSON object body")
	void parseWhenJsonObjectThenMembers() {
		RegistrationRequest request = RegistrationRequest
			.parse("{\"software_statement\":\"a.b.c\",\"client_name\":\"App\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(request.softwareStatement()).isEqualTo("a.b.c");
		assertThat(request.members()).containsEntry("client_name", "App");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"text\"", "null", "{", "", "{\"a\":1}{" })
	@DisplayName("RFC7591 §3.1: refuses a body that is not a JSON object as invalid_client_metadata")
	void parseWhenNotJsonObjectThenInvalidClientMetadata(String body) {
		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> RegistrationRequest.parse(body.getBytes(StandardCharsets.UTF_8)))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.INVALID_CLIENT_METADATA);
	}

	@Test
	@DisplayName("DESIGN input validation: refuses a body over 64 KiB")
	void parseWhenTooLargeThenInvalidClientMetadata() {
		char[] padding = new char[RegistrationRequest.MAX_BYTES];
		Arrays.fill(padding, 'x');
		byte[] body = ("{\"software_statement\":\"a.b.c\",\"p\":\"" + new String(padding) + "\"}")
			.getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(RegistrationException.class).isThrownBy(() -> RegistrationRequest.parse(body))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.INVALID_CLIENT_METADATA);
	}

	@Test
	@DisplayName("DESIGN input validation: refuses a deeply nested body within the size limit")
	void parseWhenDeeplyNestedThenInvalidClientMetadata() {
		int depth = 30_000;
		byte[] body = ("{\"software_statement\":\"a.b.c\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
			.getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(RegistrationException.class).isThrownBy(() -> RegistrationRequest.parse(body))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.INVALID_CLIENT_METADATA);
	}

	@Test
	@DisplayName("DESIGN input validation: refuses a body that is not UTF-8")
	void parseWhenNotUtf8ThenInvalidClientMetadata() {
		byte[] body = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };

		assertThatExceptionOfType(RegistrationException.class).isThrownBy(() -> RegistrationRequest.parse(body))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.INVALID_CLIENT_METADATA);
	}

	@Test
	@DisplayName("RFC7591 §3.2.2: refuses a body without a software statement")
	void parseWhenNoStatementThenInvalidSoftwareStatement() {
		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> RegistrationRequest.parse("{\"client_name\":\"App\"}".getBytes(StandardCharsets.UTF_8)))
			.extracting(RegistrationException::error)
			.isEqualTo(RegistrationError.INVALID_SOFTWARE_STATEMENT);
	}

}
