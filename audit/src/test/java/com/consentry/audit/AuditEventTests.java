package com.consentry.audit;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(OutputCaptureExtension.class)
class AuditEventTests {

	@Test
	@DisplayName("Details that name a secret (token, proof, password, account number) are refused")
	void secretsAreRefused() {
		AuditEvent event = AuditEvent.of("token.issued", Actor.partner("client-1"), "client-1", "success");
		for (String name : new String[] { "access_token", "dpopProof", "password", "client_secret", "accountNumber",
				"client_assertion" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> event.withDetails(Map.of(name, "x")));
		}
		assertThat(event.withDetails(Map.of("grant_type", "authorization_code")).details()).hasSize(1);
	}

	@Test
	@DisplayName("The canonical encoding sorts members and escapes as RFC 8785 §3.2.2.2")
	void canonicalEncoding() {
		assertThat(CanonicalJson.encode(Map.of("b", "x\"\\\n\u0001", "a", 1L)))
			.isEqualTo("{\"a\":1,\"b\":\"x\\\"\\\\\\n\\u0001\"}");
		assertThat(CanonicalJson.decodeFlat(CanonicalJson.encode(Map.of("k", "v\"\n\u0001é", "a", ""))))
			.containsEntry("k", "v\"\n\u0001é")
			.containsEntry("a", "");
	}

	@Test
	@DisplayName("Each recorded event is one ECS JSON line on the audit logger")
	void ecsLine(CapturedOutput output) {
		new SiemLog().write(AuditEvent.of("consent.revoked", Actor.admin("alice"), "consent-9", "success")
			.withConsent("consent-9")
			.withDetails(Map.of("reason", "customer request")));
		String line = output.getOut().lines().filter((l) -> l.contains("consent.revoked")).findFirst().orElseThrow();
		assertThat(line).startsWith("{")
			.contains("\"ecs\":{\"version\"")
			.contains("\"action\":\"consent.revoked\"")
			.contains("\"outcome\":\"success\"")
			.contains("\"consent_id\":\"consent-9\"")
			.contains("\"trace\":{\"id\":\"");
	}

}
