package com.consentry.authz.admin;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.consentry.authz.AuthorizationServerApplication;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.GatewaySchema;
import com.consentry.authz.support.TestDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in the default run's relaxed mode ({@code consentry.admin.passkey-required
 * =false}, which only a loopback issuer on the embedded database may set): the demo admin
 * gets in with the password alone until a passkey exists, and from then on the password
 * leads to the passkey step. A server of its own, since the other tests run as production
 * does, with passkeys required.
 */
@Tag("integration")
class AdminConsoleDemoRunTests {

	private static ConfigurableApplicationContext server;

	private static URI base;

	@BeforeAll
	static void startDemoRun() {
		int port = freePort();
		base = URI.create("http://localhost:" + port);
		server = new SpringApplicationBuilder(AuthorizationServerApplication.class).profiles("test")
			.run("--server.port=" + port, "--consentry.issuer=" + base, "--consentry.admin.passkey-required=false",
					"--consentry.admin.bootstrap.username=first-admin",
					"--consentry.admin.bootstrap.password=first-admin-password",
					"--consentry.registry.directory.jwks-uri=" + TestDirectory.shared().jwksUri());
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	@DisplayName("Issue 10 (4): in the default run the demo admin signs in with the password alone until a passkey is enrolled, and needs the passkey from then on")
	void demoAdminNeedsThePasskeyOnceEnrolled() {
		CustomerSession before = new CustomerSession(base);
		HttpResponse<String> console = signIn(before);
		assertThat(console.uri().getPath()).isEqualTo("/admin");
		assertThat(console.statusCode()).isEqualTo(200);
		assertThat(console.body()).contains("Consentry bank console").contains("Partners by status");
		assertThat(before.get(base.resolve("/admin/passkeys")).body()).contains("No passkey yet");

		enrolPasskeyOfDemoAdmin();

		CustomerSession after = new CustomerSession(base);
		HttpResponse<String> passkeyStep = signIn(after);
		assertThat(passkeyStep.uri().getPath()).isEqualTo("/admin/login/passkey");
		assertThat(passkeyStep.body()).contains("Sign in with your passkey").doesNotContain("Partners by status");
		assertThat(after.get(base.resolve("/admin/partners")).uri().getPath()).isEqualTo("/admin/login/passkey");
	}

	@Test
	@DisplayName("Issue 10 (4): the bank's first admin comes from the bootstrap settings, with a passkey enrolment window of 24 hours")
	void bootstrapAdminGetsAnEnrolmentWindow() {
		Instant until = server.getBean(JdbcClient.class)
			.sql("SELECT passkey_enrolment_until FROM authz.bank_admin WHERE username = 'first-admin'")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();

		assertThat(until).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(24)));
	}

	@Test
	@DisplayName("Issue 11 (5): the alerts page shows the gateway's anomaly alerts with their evidence, the throttled partners and the open suspension requests")
	void alertsPageShowsTheGatewaysAlerts() {
		CustomerSession browser = new CustomerSession(base);
		HttpResponse<String> form = browser.get(base.resolve("/admin/login"));
		List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(CustomerSession.hiddenFields(form.body()));
		fields.add(Map.entry("username", "first-admin"));
		fields.add(Map.entry("password", "first-admin-password"));
		assertThat(browser.post("/admin/login", fields).uri().getPath()).isEqualTo("/admin");
		assertThat(browser.get(base.resolve("/admin/alerts")).body()).contains("No resource gateway has run");

		javax.sql.DataSource dataSource = server.getBean(javax.sql.DataSource.class);
		GatewaySchema.migrate(dataSource);
		JdbcClient jdbc = server.getBean(JdbcClient.class);
		long alert = jdbc
			.sql("""
					INSERT INTO gateway.anomaly_alert (client_id, detector, raised_at, score, response, evidence, instance_id)
					VALUES ('client-prober', 'enumeration', now(), 12, 'suspend',
					        '{"consent": "consent-7", "refused_accounts": "12"}', 'gw-1') RETURNING id""")
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO gateway.partner_throttle (client_id, alert_id, since) VALUES ('client-prober', ?, now())")
			.param(alert)
			.update();
		jdbc.sql("""
				INSERT INTO gateway.partner_suspension_request (alert_id, client_id, reason, requested_at)
				VALUES (?, 'client-prober', 'enumeration by client-prober (score 12.0)', now())""")
			.param(alert)
			.update();

		HttpResponse<String> page = browser.get(base.resolve("/admin/alerts"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Anomaly alerts")
			.contains("client-prober")
			.contains("enumeration")
			.contains("refused_accounts")
			.contains("consent-7")
			.contains("enumeration by client-prober (score 12.0)");
		assertThat(new CustomerSession(base).get(base.resolve("/admin/alerts")).uri().getPath())
			.isEqualTo("/admin/login");
	}

	private static HttpResponse<String> signIn(CustomerSession browser) {
		HttpResponse<String> form = browser.get(base.resolve("/admin/login"));
		List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(CustomerSession.hiddenFields(form.body()));
		fields.add(Map.entry("username", "admin"));
		fields.add(Map.entry("password", "admin-demo-pass"));
		return browser.post("/admin/login", fields);
	}

	// what the passkey ceremony stores at its end (its browser side is
	// AdminConsoleBrowserTests')
	private static void enrolPasskeyOfDemoAdmin() {
		PublicKeyCredentialUserEntity user = ImmutablePublicKeyCredentialUserEntity.builder()
			.id(Bytes.random())
			.name("admin")
			.displayName("admin")
			.build();
		server.getBean(PublicKeyCredentialUserEntityRepository.class).save(user);
		server.getBean(UserCredentialRepository.class)
			.save(ImmutableCredentialRecord.builder()
				.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
				.credentialId(Bytes.random())
				.userEntityUserId(user.getId())
				.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
				.signatureCount(0)
				.uvInitialized(true)
				.transports(Set.of(AuthenticatorTransport.INTERNAL))
				.backupEligible(false)
				.backupState(false)
				.created(Instant.now())
				.lastUsed(Instant.now())
				.label("laptop")
				.build());
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
