package com.consentry.authz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's partner quick-start, as a partner would run it: the single-file program
 * signs a statement with the directory's private key, the statement registers, and the
 * generated client key authenticates at PAR.
 */
class PartnerQuickstartTests extends AuthorizationServerTest {

	private static final Path PROGRAM = Path.of("..", "docs", "partner-quickstart", "SoftwareStatement.java");

	@TempDir
	Path folder;

	@Test
	@DisplayName("RFC7591 §3.1: the README quick-start registers a client with a statement signed by the directory key, and its key authenticates at PAR")
	void quickstartRegistersAClient() throws Exception {
		Path directoryKey = this.folder.resolve("directory-signing-key.json");
		Path clientKey = this.folder.resolve("client-key.json");
		TestDirectory.shared().writeSigningKey(directoryKey);

		Process program = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				PROGRAM.toString(), directoryKey.toString(), clientKey.toString(), newOrgId())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String statement = new String(program.getInputStream().readAllBytes()).strip();
		assertThat(program.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(program.exitValue()).isZero();

		HttpResponse<String> registered = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(ISSUER.resolve("/register"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(JSONObjectUtils.toJSONString(Map.of("software_statement", statement))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		String clientId = (String) JSONObjectUtils.parse(registered.body()).get("client_id");

		FapiTestClient partner = FapiTestClient.existing(ISSUER, clientId, ECKey.parse(Files.readString(clientKey)));
		AuthorizationRequest request = partner.authorizationRequest(new CodeVerifier())
			.redirectionURI(URI.create("https://app.quickstart.example/callback"))
			.build();
		assertThat(partner.push(request).getStatusCode()).isEqualTo(201);
	}

	@Test
	@DisplayName("RFC8705 §2.1.2: the README's mTLS variant of the quick-start registers a tls_client_auth client with the certificate name it was given, for certificate-bound tokens")
	void quickstartRegistersAnMtlsClient() throws Exception {
		Path directoryKey = this.folder.resolve("directory-signing-key.json");
		TestDirectory.shared().writeSigningKey(directoryKey);

		Process program = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				PROGRAM.toString(), directoryKey.toString(), this.folder.resolve("client-key.json").toString(),
				newOrgId(), "tls_client_auth_san_dns=api.fintech.example")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String statement = new String(program.getInputStream().readAllBytes()).strip();
		assertThat(program.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(program.exitValue()).isZero();

		HttpResponse<String> registered = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(ISSUER.resolve("/register"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(JSONObjectUtils.toJSONString(Map.of("software_statement", statement))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		assertThat(JSONObjectUtils.parse(registered.body()))
			.containsEntry("token_endpoint_auth_method", "tls_client_auth")
			.containsEntry("tls_client_auth_san_dns", "api.fintech.example")
			.containsEntry("tls_client_certificate_bound_access_tokens", true)
			.containsEntry("dpop_bound_access_tokens", false);
	}

}
