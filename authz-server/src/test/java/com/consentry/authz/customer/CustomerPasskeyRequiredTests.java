package com.consentry.authz.customer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import com.consentry.authz.AuthorizationServerApplication;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank's stricter choice, {@code consentry.passkeys.step-up-required=true}: a
 * customer without a passkey cannot approve payment-network data with the password alone
 * and is asked to enrol one; other consents are unaffected. A server of its own, since
 * the other tests run with the default (password-only customers keep their flow).
 */
@Tag("integration")
class CustomerPasskeyRequiredTests {

	private static ConfigurableApplicationContext server;

	private static URI base;

	@BeforeAll
	static void startWithPasskeysRequired() {
		int port = freePort();
		base = URI.create("http://localhost:" + port);
		server = new SpringApplicationBuilder(AuthorizationServerApplication.class).profiles("test")
			.run("--server.port=" + port, "--consentry.issuer=" + base, "--consentry.passkeys.step-up-required=true",
					"--consentry.registry.directory.jwks-uri=" + TestDirectory.shared().jwksUri());
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	@DisplayName("Issue 12 (6), consentry.passkeys.step-up-required: without a passkey a payment-network approval is refused with a request to enrol one (consent unchanged), other consents are not; once enrolled, the passkey step-up lets it through")
	void customerWithoutPasskeyMustEnrolOne() throws Exception {
		JdbcClient jdbc = server.getBean(JdbcClient.class);
		TestCustomer customer = TestCustomer.create(jdbc, server.getBean(CustomerLogins.class),
				server.getBean(PasswordEncoder.class));
		FapiTestClient partner = FapiTestClient.register(base, TestDirectory.shared());
		String paymentRequest = CustomerPasskeyBrowserTests.push(partner, new CodeVerifier(),
				CustomerPasskeyBrowserTests.PAYMENT_DETAILS);
		CustomerSession browser = new CustomerSession(base);
		HttpResponse<String> consentPage = browser.signIn(browser.get(authorizationUrl(partner, paymentRequest)),
				customer.username(), customer.password());
		assertThat(consentPage.body()).contains("A passkey is needed").doesNotContain("id=\"passkey-step-up\"");

		HttpResponse<String> refused = browser.decide(consentPage, List.of(customer.accountId()), "approve");
		assertThat(refused.uri().getPath()).isEqualTo("/oauth2/consent");
		assertThat(refused.body()).contains("The bank asks for a passkey");
		assertThat(status(jdbc, partner)).containsExactly("AWAITING_AUTHORIZATION");

		String otherRequest = CustomerPasskeyBrowserTests.push(partner, new CodeVerifier(), FapiTestClient.FDX_DETAILS);
		HttpResponse<String> other = browser.decide(browser.get(authorizationUrl(partner, otherRequest)),
				List.of(customer.accountId()), "approve");
		assertThat(other.statusCode()).isEqualTo(303);
		assertThat(other.headers().firstValue("Location").orElseThrow()).startsWith(FapiTestClient.REDIRECT_URI);

		SoftwarePasskey passkey = SoftwarePasskey.enrolledFor(customer.customerId(), base.getHost(),
				server.getBean(JdbcOperations.class));
		HttpResponse<String> askingForPasskey = browser.get(refused.uri());
		assertThat(askingForPasskey.body()).contains("id=\"passkey-step-up\"");
		HttpResponse<String> options = browser.postJson(CustomerPasskeySignIn.SIGN_IN_OPTIONS, "", askingForPasskey);
		String challenge = (String) JSONObjectUtils.parse(options.body()).get("challenge");
		HttpResponse<String> steppedUp = browser.postJson(CustomerPasskeySignIn.SIGN_IN,
				passkey.assertion(challenge, base.toString(), base.getHost()), askingForPasskey);
		assertThat(steppedUp.statusCode()).as(steppedUp.body()).isEqualTo(200);
		HttpResponse<String> approved = browser.decide(browser.get(refused.uri()), List.of(customer.accountId()),
				"approve");
		assertThat(approved.statusCode()).isEqualTo(303);
		assertThat(approved.headers().firstValue("Location").orElseThrow()).startsWith(FapiTestClient.REDIRECT_URI);
		assertThat(status(jdbc, partner)).containsExactly("ACTIVE", "ACTIVE");
	}

	private static List<String> status(JdbcClient jdbc, FapiTestClient partner) {
		return jdbc.sql("SELECT status FROM consent.consent WHERE client_id = ? ORDER BY created_at")
			.param(partner.clientId.getValue())
			.query(String.class)
			.list();
	}

	private static URI authorizationUrl(FapiTestClient partner, String requestUri) {
		return new AuthorizationRequest.Builder(URI.create(requestUri), partner.clientId)
			.endpointURI(partner.endpoint("/oauth2/authorize"))
			.build()
			.toURI();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
