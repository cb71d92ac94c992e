package com.consentry.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestCertificates;
import com.consentry.authz.support.TestCertificates.Issued;
import com.consentry.authz.support.TestDirectory;
import com.consentry.tls.LocalCertificateAuthority;
import com.consentry.tls.support.TlsProbe;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.SelfSignedTLSClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.jarm.JARMValidator;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The platform's tls run (the launcher's {@link TlsRun}): the authorization server, the
 * sandbox core and the resource gateway, each a process of its own serving https with the
 * local authority's certificate and calling the others over it. The authorization
 * server's and the gateway's transport are checked as partners and browsers meet it, the
 * sandbox's with a smoke test. (The handshake metric is read from the gateway: the
 * authorization server has no metrics endpoint.)
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransportSecurityPlatformTests {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path LOGS = Path.of("target", "platform-logs").toAbsolutePath();

	private static final List<Process> processes = new ArrayList<>();

	private static Path data;

	private static TlsRun run;

	private static int authorizationPort;

	private static int sandboxPort;

	private static int gatewayPort;

	private static int managementPort;

	@BeforeAll
	static void startPlatform() throws IOException, InterruptedException {
		data = Files.createTempDirectory("consentry-tls-platform-");
		run = TlsRun.in(data.resolve("tls"));
		authorizationPort = freePort();
		sandboxPort = freePort();
		gatewayPort = freePort();
		managementPort = freePort();
		int databasePort = freePort();
		String issuer = "https://localhost:" + authorizationPort;
		String gateway = "https://localhost:" + gatewayPort;
		List<String> authorization = new ArrayList<>(run.serverArguments());
		authorization.addAll(List.of(TlsRun.CLIENT_CERTIFICATES, "--server.port=" + authorizationPort,
				"--consentry.issuer=" + issuer, "--consentry.database.embedded.port=" + databasePort,
				"--consentry.database.embedded.data-directory=" + data.resolve("postgres"),
				"--consentry.registry.directory.jwks-uri=" + TestDirectory.shared().jwksUri(),
				"--consentry.registry.directory.demo-keys-directory=" + data.resolve("directory"),
				"--consentry.token.audience=" + gateway, "--consentry.consent-api.public-base-urls=" + gateway));
		Process server = Deployable.AUTHORIZATION_SERVER.start(ROOT, run.jvmOptions(), authorization, Map.of(),
				LOGS.resolve("tls-authz-server.log"));
		processes.add(server);
		awaitHttps(server, authorizationPort, "/.well-known/openid-configuration");
		Map<String, String> database = Map.of("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://localhost:" + databasePort + "/postgres", "SPRING_DATASOURCE_USERNAME", "postgres");
		List<String> sandbox = new ArrayList<>(run.serverArguments());
		sandbox.add("--server.port=" + sandboxPort);
		Process core = Deployable.CORE_BANKING_SANDBOX.start(ROOT, run.jvmOptions(), sandbox, database,
				LOGS.resolve("tls-sandbox.log"));
		processes.add(core);
		List<String> gatewayArguments = new ArrayList<>(run.serverArguments());
		gatewayArguments.addAll(List.of(TlsRun.CLIENT_CERTIFICATES, "--server.port=" + gatewayPort,
				"--management.server.port=" + managementPort, "--management.server.ssl.bundle=server",
				"--consentry.gateway.issuer=" + issuer, "--consentry.gateway.audience=" + gateway,
				"--consentry.gateway.public-base-url=" + gateway,
				"--consentry.gateway.core-banking-url=https://localhost:" + sandboxPort,
				"--consentry.gateway.consent-service-url=" + issuer));
		Process resourceGateway = Deployable.RESOURCE_GATEWAY.start(ROOT, run.jvmOptions(), gatewayArguments, database,
				LOGS.resolve("tls-resource-gateway.log"));
		processes.add(resourceGateway);
		awaitHttps(core, sandboxPort, "/sandbox/requests");
		awaitHttps(resourceGateway, gatewayPort, "/fdx/v6/accounts");
	}

	@AfterAll
	static void stopPlatform() throws IOException {
		for (int i = processes.size() - 1; i >= 0; i--) {
			Deployable.stop(processes.get(i));
		}
		if (data != null) {
			FileSystemUtils.deleteRecursively(data);
		}
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.1: the authorization server refuses a TLS 1.1 client")
	void authorizationServerRefusesTls11() {
		assertThatException().isThrownBy(() -> TlsProbe.handshakeOnly(authorizationPort, ProtocolVersion.TLSv11));
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.2: the authorization server refuses a TLS 1.2 client offering only a non-FAPI suite")
	void authorizationServerRefusesNonFapiSuite() {
		assertThatException().isThrownBy(() -> jdk().protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")
			.get(authorizationPort, "/.well-known/openid-configuration"));
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.2: the authorization server serves its https issuer to a TLS 1.2 client with a FAPI suite and to a TLS 1.3 client")
	void authorizationServerServesFapiClients() throws IOException {
		TlsProbe.Exchange tls12 = jdk().protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
			.get(authorizationPort, "/.well-known/openid-configuration");
		assertThat(tls12.status()).isEqualTo(200);
		assertThat(tls12.response()).contains("\"issuer\":\"https://localhost:" + authorizationPort + "\"");
		TlsProbe.Exchange tls13 = jdk().get(authorizationPort, "/.well-known/openid-configuration");
		assertThat(tls13.protocol()).isEqualTo("TLSv1.3");
		assertThat(tls13.status()).isEqualTo(200);
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.3: HSTS once on the authorization server's https responses: metadata, the sign-in page, an OAuth error")
	void authorizationServerStrictTransportSecurity() throws IOException {
		for (String path : new String[] { "/.well-known/openid-configuration", "/login", "/oauth2/authorize" }) {
			TlsProbe.Exchange exchange = jdk().get(authorizationPort, path);
			assertThat(exchange.header("Strict-Transport-Security")).as(path)
				.containsExactly("max-age=31536000; includeSubDomains");
		}
	}

	@Test
	@DisplayName("draft-ietf-tls-ecdhe-mlkem: the authorization server negotiates X25519MLKEM768 with a client offering only it, and serves the JDK's default client")
	void authorizationServerHybridGroup() throws IOException {
		assertThat(bouncyCastle().namedGroups("X25519MLKEM768")
			.get(authorizationPort, "/.well-known/openid-configuration")
			.status()).isEqualTo(200);
		assertThat(jdk().get(authorizationPort, "/.well-known/openid-configuration").status()).isEqualTo(200);
	}

	@Test
	@Order(Integer.MAX_VALUE) // it replaces the certificate the other tests trust
	@DisplayName("FAPI2 SP §5.2.1: replaced PEM files are served by the authorization server and the gateway to new connections, without a restart")
	void certificateReload() throws IOException, InterruptedException {
		LocalCertificateAuthority.Material replacement = LocalCertificateAuthority.create(data.resolve("replacement"));
		Files.copy(replacement.privateKey(), run.material().privateKey(), StandardCopyOption.REPLACE_EXISTING);
		Files.copy(replacement.certificate(), run.material().certificate(), StandardCopyOption.REPLACE_EXISTING);
		X509Certificate expected = PemContent.load(replacement.certificate()).getCertificates().get(0);
		TlsProbe trustingNew = TlsProbe.jdk(replacement.trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD);
		for (int port : new int[] { authorizationPort, gatewayPort }) {
			TlsProbe.Exchange exchange = awaitServed(trustingNew, port);
			assertThat(exchange.serverCertificate()).isEqualTo(expected);
		}
		assertThat(TlsProbe.bouncyCastle(replacement.trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD)
			.namedGroups("X25519MLKEM768")
			.get(authorizationPort, "/.well-known/openid-configuration")
			.status()).isEqualTo(200);
	}

	private static TlsProbe.Exchange awaitServed(TlsProbe client, int port) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			try {
				return client.get(port, "/.well-known/openid-configuration");
			}
			catch (IOException ex) {
				// still the old certificate, which this client does not trust
				if (Instant.now().isAfter(deadline)) {
					throw ex;
				}
				Thread.sleep(200);
			}
		}
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.1: the resource gateway refuses a TLS 1.1 client")
	void gatewayRefusesTls11() {
		assertThatException().isThrownBy(() -> TlsProbe.handshakeOnly(gatewayPort, ProtocolVersion.TLSv11));
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.2: the resource gateway refuses a TLS 1.2 client offering only a non-FAPI suite, and serves one with a FAPI suite")
	void gatewayCipherSuites() throws IOException {
		assertThatException().isThrownBy(() -> jdk().protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")
			.get(gatewayPort, "/fdx/v6/accounts"));
		TlsProbe.Exchange exchange = jdk().protocols("TLSv1.2")
			.cipherSuites("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")
			.get(gatewayPort, "/fdx/v6/accounts");
		assertThat(exchange.cipherSuite()).isEqualTo("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
		assertThat(exchange.status()).isEqualTo(401);
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.3: HSTS once on the resource gateway's https responses, its own errors, the consent API it routes to the authorization server, and its management port")
	void gatewayStrictTransportSecurity() throws IOException {
		for (String path : new String[] { "/fdx/v6/accounts", "/fdx/v6/consents/no-such-consent", "/nothing" }) {
			TlsProbe.Exchange exchange = jdk().get(gatewayPort, path);
			assertThat(exchange.header("Strict-Transport-Security")).as(path)
				.containsExactly("max-age=31536000; includeSubDomains");
		}
		TlsProbe.Exchange management = jdk().get(managementPort, "/actuator/prometheus");
		assertThat(management.header("Strict-Transport-Security")).as("management port")
			.containsExactly("max-age=31536000; includeSubDomains");
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.1: the resource gateway calls the authorization server over TLS, trusting the bank's authority (the consent API it routes answers, not a gateway error)")
	void gatewayReachesAuthorizationServerOverTls() throws IOException {
		TlsProbe.Exchange exchange = jdk().get(gatewayPort, "/fdx/v6/consents/no-such-consent");
		assertThat(exchange.status()).as(exchange.response()).isEqualTo(401);
	}

	@Test
	@DisplayName("draft-ietf-tls-ecdhe-mlkem: a BouncyCastle client offering only X25519MLKEM768 negotiates it at the resource gateway, counted in consentry_tls_handshakes_total; the JDK's default client connects with TLS 1.3")
	void gatewayHybridGroup() throws IOException {
		double before = handshakes("X25519MLKEM768");
		TlsProbe.Exchange hybrid = bouncyCastle().namedGroups("X25519MLKEM768").get(gatewayPort, "/fdx/v6/accounts");
		assertThat(hybrid.protocol()).isEqualTo("TLSv1.3");
		assertThat(hybrid.status()).isEqualTo(401);
		assertThat(handshakes("X25519MLKEM768")).isEqualTo(before + 1);
		TlsProbe.Exchange jdk = jdk().get(gatewayPort, "/fdx/v6/accounts");
		assertThat(jdk.protocol()).isEqualTo("TLSv1.3");
		assertThat(jdk.serverCertificate().getIssuerX500Principal()).isEqualTo(LocalCertificateAuthority.SUBJECT);
	}

	@Test
	@DisplayName("FAPI2 SP §5.2.1: the sandbox core serves the same TLS (hybrid group, HSTS, no TLS 1.1)")
	void sandboxSmoke() throws IOException {
		TlsProbe.Exchange exchange = bouncyCastle().namedGroups("X25519MLKEM768").get(sandboxPort, "/sandbox/requests");
		assertThat(exchange.status()).isEqualTo(200);
		assertThat(exchange.header("Strict-Transport-Security")).containsExactly("max-age=31536000; includeSubDomains");
		assertThatException().isThrownBy(() -> TlsProbe.handshakeOnly(sandboxPort, ProtocolVersion.TLSv11));
	}

	@Test
	@DisplayName("RFC8705 §3, FDX error 603: over the tls run, a self_signed_tls_client_auth partner's certificate-bound token reads data at the gateway over a connection with its certificate, and is refused with 401 603 over one with another certificate or none")
	void certificateBoundTokenAtTheGateway() throws Exception {
		X509Certificate authority = PemContent.load(run.material().authority()).getCertificates().get(0);
		Instant now = Instant.now();
		Issued registered = TestCertificates.selfSigned("CN=platform mTLS partner", now.minus(Duration.ofHours(1)),
				now.plus(Duration.ofDays(1)));
		Issued another = TestCertificates.selfSigned("CN=platform mTLS partner", now.minus(Duration.ofHours(1)),
				now.plus(Duration.ofDays(1)));
		URI issuer = URI.create("https://localhost:" + authorizationPort);
		SSLContext trusting = TestCertificates.trustingContext(authority);
		SSLContext previous = SSLContext.getDefault();
		SSLSocketFactory previousNimbus = HTTPRequest.getDefaultSSLSocketFactory();
		SSLContext.setDefault(trusting);
		HTTPRequest.setDefaultSSLSocketFactory(trusting.getSocketFactory());
		try {
			ECKey clientKey = FapiTestClient.newKey("client");
			Map<String, Object> metadata = new HashMap<>(FapiTestClient.statementMetadata(clientKey));
			metadata.put("token_endpoint_auth_method", "self_signed_tls_client_auth");
			metadata.put("tls_client_certificate_bound_access_tokens", true);
			metadata.put("jwks",
					Map.of("keys", List.of(clientKey.toPublicJWK().toJSONObject(),
							new ECKey.Builder(ECKey.parse(registered.certificate())).keyID("partner-certificate")
								.build()
								.toPublicJWK()
								.toJSONObject())));
			FapiTestClient partner = FapiTestClient.register(issuer, issuer, clientKey,
					TestDirectory.shared().sign(metadata));
			ClientAuthentication authentication = new SelfSignedTLSClientAuthentication(partner.clientId,
					registered.clientSocketFactory(authority));
			CodeVerifier verifier = new CodeVerifier();
			HTTPResponse pushed = new PushedAuthorizationRequest(partner.endpoint("/oauth2/par"), authentication,
					partner.authorizationRequest(verifier).build())
				.toHTTPRequest()
				.send();
			assertThat(pushed.getStatusCode()).as(pushed.getBody()).isEqualTo(201);
			URI authorizationUrl = new AuthorizationRequest.Builder(
					URI.create((String) pushed.getBodyAsJSONObject().get("request_uri")), partner.clientId)
				.endpointURI(partner.endpoint("/oauth2/authorize"))
				.build()
				.toURI();
			HttpResponse<String> approved = new CustomerSession(partner.endpoint("/")).authorize(authorizationUrl,
					"alice", "alice-demo-pass", List.of("acc-alice-chk-01"), "approve");
			assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
			String jarm = UriComponentsBuilder
				.fromUri(URI.create(approved.headers().firstValue("Location").orElseThrow()))
				.build()
				.getQueryParams()
				.getFirst("response");
			String code = (String) new JARMValidator(new Issuer(issuer), partner.clientId, JWSAlgorithm.ES256,
					JWKSet.load(issuer.resolve("/oauth2/jwks").toURL()))
				.validate(jarm)
				.getClaim("code");
			HTTPResponse issued = new TokenRequest(partner.endpoint("/oauth2/token"), authentication,
					new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(FapiTestClient.REDIRECT_URI),
							verifier))
				.toHTTPRequest()
				.send();
			assertThat(issued.getStatusCode()).as(issued.getBody()).isEqualTo(200);
			String accessToken = FapiTestClient.parseToken(issued)
				.toSuccessResponse()
				.getTokens()
				.getAccessToken()
				.getValue();

			HttpResponse<String> bound = gatewayCall(registered.clientContext(authority), accessToken);
			HttpResponse<String> other = gatewayCall(another.clientContext(authority), accessToken);
			HttpResponse<String> none = gatewayCall(trusting, accessToken);

			assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
			assertThat(bound.body()).contains("acc-alice-chk-01");
			for (HttpResponse<String> refused : List.of(other, none)) {
				assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
				assertThat(refused.body()).contains("\"code\":\"603\"");
				assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
						(challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
			}
		}
		finally {
			SSLContext.setDefault(previous);
			HTTPRequest.setDefaultSSLSocketFactory(previousNimbus);
		}
	}

	private static HttpResponse<String> gatewayCall(SSLContext connection, String accessToken)
			throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().sslContext(connection).build();
		return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + gatewayPort + "/fdx/v6/accounts"))
			.header("Authorization", "Bearer " + accessToken)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static double handshakes(String group) throws IOException {
		String metrics = jdk().get(managementPort, "/actuator/prometheus").response();
		Matcher matcher = Pattern
			.compile("consentry_tls_handshakes_total\\{group=\"" + group + "\",protocol=\"TLSv1.3\"} ([0-9.E]+)")
			.matcher(metrics);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	private static TlsProbe jdk() {
		return TlsProbe.jdk(run.material().trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD);
	}

	private static TlsProbe bouncyCastle() {
		return TlsProbe.bouncyCastle(run.material().trustStore(), LocalCertificateAuthority.TRUST_STORE_PASSWORD);
	}

	private static void awaitHttps(Process process, int port, String path) throws InterruptedException {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(port + ": the process ended with status " + process.exitValue());
			}
			try {
				if (jdk().get(port, path).status() < 500) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(port + " did not answer within " + START_TIMEOUT);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
