package com.consentry.gateway.tokenization;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.consentry.gateway.GatewayProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class IntakeCallersTests {

	// a well-formed hash (64 hex digits) of some credential
	private static final String ACH = "41b9d2a4e6ae8e2b5b68e6da6b7b5bd2a9c0f2a8f6fb3bdb36f3c6e3d9c8c2a1";

	private final IntakeCallers callers = new IntakeCallers(new TokenizationProperties("opaque",
			Map.of("ach-intake", sha256("ach-credential"), "wire-intake", sha256("wire-credential"))));

	@Test
	@DisplayName("RFC 6750 §2.1: a configured payment system is known by its bearer credential, by name")
	void knownCredential() {
		assertThat(this.callers.authenticate(request("Bearer ach-credential"))).hasValue("ach-intake");
		assertThat(this.callers.authenticate(request("Bearer wire-credential"))).hasValue("wire-intake");
	}

	@Test
	@DisplayName("RFC 6750 §2.1: no credential, another one, another scheme or two headers: no caller")
	void unknownCredential() {
		assertThat(this.callers.authenticate(new MockHttpServletRequest())).isEmpty();
		assertThat(this.callers.authenticate(request("Bearer ach-credential-2"))).isEmpty();
		assertThat(this.callers.authenticate(request("Basic ach-credential"))).isEmpty();
		assertThat(this.callers.authenticate(request("Bearer "))).isEmpty();
		MockHttpServletRequest two = request("Bearer ach-credential");
		two.addHeader("Authorization", "Bearer wire-credential");
		assertThat(this.callers.authenticate(two)).isEmpty();
		assertThat(new IntakeCallers(new TokenizationProperties("opaque", null))
			.authenticate(request("Bearer ach-credential"))).isEmpty();
	}

	@Test
	@DisplayName("intake credentials are configured as a lower-case name and a SHA-256 in hex, nothing else")
	void configuration() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenizationProperties("opaque", Map.of("ach-intake", "ach-credential")));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenizationProperties("opaque", Map.of("ACH", ACH)));
	}

	@Test
	@DisplayName("the default run's demo intake credential is refused outside a loopback issuer")
	void demoCredentialOnLoopbackOnly() {
		TokenizationProperties demo = new TokenizationProperties("opaque",
				Map.of("demo-intake", DemoIntakeCredentialCheck.DEMO_HASH));
		assertThat(DemoIntakeCredentialCheck.DEMO_HASH).isEqualTo(sha256("demo-payment-intake-credential"));
		assertThatNoException().isThrownBy(
				() -> new DemoIntakeCredentialCheck(demo, gateway("http://localhost:9000"), management("127.0.0.1"))
					.afterPropertiesSet());
		assertThatIllegalStateException()
			.isThrownBy(() -> new DemoIntakeCredentialCheck(demo, gateway("https://as.bank.example"),
					management("127.0.0.1"))
				.afterPropertiesSet())
			.withMessageContaining("intake-credentials");
		assertThatNoException()
			.isThrownBy(() -> new DemoIntakeCredentialCheck(new TokenizationProperties("opaque", Map.of("ach", ACH)),
					gateway("https://as.bank.example"), management("0.0.0.0"))
				.afterPropertiesSet());
	}

	@Test
	@DisplayName("the default run's demo intake credential is refused on a management port reachable off this machine")
	void demoCredentialOnLoopbackManagementPortOnly() {
		TokenizationProperties demo = new TokenizationProperties("opaque",
				Map.of("demo-intake", DemoIntakeCredentialCheck.DEMO_HASH));
		for (String address : new String[] { "0.0.0.0", "10.1.2.3", "" }) {
			assertThatIllegalStateException().as(address)
				.isThrownBy(
						() -> new DemoIntakeCredentialCheck(demo, gateway("http://localhost:9000"), management(address))
							.afterPropertiesSet())
				.withMessageContaining("management.server.address");
		}
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new DemoIntakeCredentialCheck(demo, gateway("http://localhost:9000"), new MockEnvironment())
						.afterPropertiesSet())
			.withMessageContaining("management.server.address");
		assertThatNoException()
			.isThrownBy(() -> new DemoIntakeCredentialCheck(demo, gateway("http://localhost:9000"), management("::1"))
				.afterPropertiesSet());
	}

	private static MockEnvironment management(String address) {
		return new MockEnvironment().withProperty("management.server.address", address);
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/actuator/detokenize");
		request.addHeader("Authorization", authorization);
		return request;
	}

	private static GatewayProperties gateway(String issuer) {
		return new GatewayProperties(URI.create(issuer), null, "aud", URI.create("https://api.bank.example"),
				URI.create("http://localhost:8090"), URI.create(issuer),
				"YS1iYW5rLXNlY3JldC1vZi1hdC1sZWFzdC0zMi1ieXRlcy1sZW5ndGg=",
				new GatewayProperties.Dpop(false, Duration.ofSeconds(60), Duration.ofSeconds(60)),
				new GatewayProperties.Grants(Duration.ofSeconds(1), Duration.ofSeconds(30), 1000),
				new GatewayProperties.RateLimits(true, null, "STANDARD"));
	}

	private static String sha256(String value) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
