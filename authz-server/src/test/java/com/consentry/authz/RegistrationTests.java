package com.consentry.authz;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration over HTTP with Nimbus' RFC 7591 client (the statement rules are
 * unit-tested in the registry).
 */
class RegistrationTests extends AuthorizationServerTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("RFC7591 §3.2.1, RFC7592 §3: registration answers 201 with client_id, registration token and URI")
	void registrationSucceeds() throws Exception {
		FapiTestClient partner = newPartner();
		assertThat(partner.registrationAccessToken).isNotBlank();
		HTTPRequest read = new HTTPRequest(HTTPRequest.Method.GET, ISSUER.resolve("/register/" + partner.clientId));
		read.setAuthorization("Bearer " + partner.registrationAccessToken);
		HTTPResponse response = read.send();
		assertThat(response.getStatusCode()).isEqualTo(200);
		Map<String, Object> metadata = response.getBodyAsJSONObject();
		assertThat(metadata.get("client_name")).as("statement wins over body").isEqualTo("Test Budget App");
		assertThat(metadata.get("token_endpoint_auth_method")).isEqualTo("private_key_jwt");
	}

	@Test
	@DisplayName("RFC7592 §2.2: the partner updates its registration with a new statement; the stored client changes")
	void registrationUpdate() throws Exception {
		FapiTestClient partner = newPartner();
		Map<String, Object> metadata = new HashMap<>(FapiTestClient.statementMetadata(partner.clientKey));
		metadata.put("redirect_uris", List.of("https://partner.test.consentry.example/new-callback"));
		SignedJWT statement = TestDirectory.shared().sign(metadata);
		HTTPRequest update = new HTTPRequest(HTTPRequest.Method.PUT, ISSUER.resolve("/register/" + partner.clientId));
		update.setAuthorization("Bearer " + partner.registrationAccessToken);
		update.setContentType("application/json");
		update.setBody("{\"client_id\":\"" + partner.clientId + "\",\"software_statement\":\"" + statement.serialize()
				+ "\"}");
		HTTPResponse response = update.send();
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
		String stored = this.jdbc.sql("SELECT redirect_uris FROM authz.oauth2_registered_client WHERE client_id = ?")
			.param(partner.clientId.getValue())
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo("https://partner.test.consentry.example/new-callback");
	}

	@Test
	@DisplayName("RFC7591 §3.2.2: an unsigned software statement is refused and nothing is stored")
	void unsignedStatementIsRefused() throws Exception {
		long before = partners();
		SignedJWT signed = TestDirectory.shared().sign(FapiTestClient.statementMetadata(FapiTestClient.newKey("c")));
		PlainJWT unsigned = new PlainJWT(signed.getJWTClaimsSet());
		HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, ISSUER.resolve("/register"));
		request.setContentType("application/json");
		request.setBody("{\"software_statement\":\"" + unsigned.serialize() + "\"}");
		HTTPResponse response = request.send();
		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(response.getBodyAsJSONObject().get("error")).asString().endsWith("software_statement");
		assertThat(partners()).isEqualTo(before);
	}

	@Test
	@DisplayName("RFC7591 §3.2.2: a statement whose signature does not verify is invalid_software_statement")
	void wronglySignedStatementIsRefused() throws Exception {
		SignedJWT genuine = TestDirectory.shared().sign(FapiTestClient.statementMetadata(FapiTestClient.newKey("c")));
		ECKey impostor = FapiTestClient.newKey("impostor");
		SignedJWT forged = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(genuine.getHeader().getKeyID()).build(),
				genuine.getJWTClaimsSet());
		forged.sign(new ECDSASigner(impostor));
		ClientRegistrationResponse response = FapiTestClient.sendRegistration(ISSUER, forged);
		assertThat(response.indicatesSuccess()).isFalse();
		assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_software_statement");
	}

	@Test
	@DisplayName("RFC7591 §3.2.2: a statement from a directory the bank does not trust is unapproved_software_statement")
	void untrustedDirectoryIsRefused() {
		ECKey otherDirectory = FapiTestClient.newKey("other-directory");
		SignedJWT statement = TestDirectory.signWith(otherDirectory,
				FapiTestClient.statementMetadata(FapiTestClient.newKey("c")));
		ClientRegistrationResponse response = FapiTestClient.sendRegistration(ISSUER, statement);
		assertThat(response.indicatesSuccess()).isFalse();
		assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("unapproved_software_statement");
	}

	@Test
	@DisplayName("RFC7591 §2.3: a statement holding only client_name and scope does not let the unsigned body register the attacker's keys and redirect URI")
	void unsignedBodyCannotSupplyKeysOrRedirectUris() throws Exception {
		long before = partners();
		SignedJWT statement = TestDirectory.shared().sign(Map.of("client_name", "Test Budget App", "scope", "openid"));
		ECKey attacker = FapiTestClient.newKey("attacker");

		HTTPResponse response = postRegistration(Map.of("software_statement", statement.serialize(), "jwks",
				new JWKSet(attacker.toPublicJWK()).toJSONObject(), "redirect_uris",
				List.of("https://evil.example/cb")));

		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(response.getBodyAsJSONObject().get("error")).isEqualTo("invalid_software_statement");
		assertThat(partners()).isEqualTo(before);
	}

	@Test
	@DisplayName("RFC7591 §2.3: a body whose keys or redirect URIs differ from the signed statement's is invalid_client_metadata, on registration and on update")
	void bodyCannotChangeSignedKeysOrRedirectUris() throws Exception {
		long before = partners();
		ECKey clientKey = FapiTestClient.newKey("client");
		SignedJWT statement = TestDirectory.shared().sign(FapiTestClient.statementMetadata(clientKey));
		ECKey attacker = FapiTestClient.newKey("attacker");

		HTTPResponse keys = postRegistration(Map.of("software_statement", statement.serialize(), "jwks",
				new JWKSet(attacker.toPublicJWK()).toJSONObject()));
		HTTPResponse redirects = postRegistration(Map.of("software_statement", statement.serialize(), "redirect_uris",
				List.of("https://evil.example/cb")));

		assertThat(keys.getStatusCode()).isEqualTo(400);
		assertThat(keys.getBodyAsJSONObject().get("error")).isEqualTo("invalid_client_metadata");
		assertThat(redirects.getStatusCode()).isEqualTo(400);
		assertThat(redirects.getBodyAsJSONObject().get("error")).isEqualTo("invalid_client_metadata");
		assertThat(partners()).isEqualTo(before);

		FapiTestClient partner = newPartner();
		SignedJWT own = TestDirectory.shared().sign(FapiTestClient.statementMetadata(partner.clientKey));
		HTTPRequest update = new HTTPRequest(HTTPRequest.Method.PUT, ISSUER.resolve("/register/" + partner.clientId));
		update.setAuthorization("Bearer " + partner.registrationAccessToken);
		update.setContentType("application/json");
		update.setBody(JSONObjectUtils.toJSONString(Map.of("client_id", partner.clientId.getValue(),
				"software_statement", own.serialize(), "jwks", new JWKSet(attacker.toPublicJWK()).toJSONObject())));
		HTTPResponse updated = update.send();
		assertThat(updated.getStatusCode()).isEqualTo(400);
		assertThat(updated.getBodyAsJSONObject().get("error")).isEqualTo("invalid_client_metadata");
		assertThat(this.jdbc.sql("SELECT client_settings FROM authz.oauth2_registered_client WHERE client_id = ?")
			.param(partner.clientId.getValue())
			.query(String.class)
			.single()).doesNotContain(attacker.getKeyID());
	}

	@Test
	@DisplayName("Open-banking directories: a statement with software_jwks_endpoint, software_redirect_uris and software_client_name registers")
	void directoryStyleNamesRegister() throws Exception {
		SignedJWT statement = TestDirectory.shared()
			.sign(Map.of("software_client_name", "Directory Named App", "software_redirect_uris",
					List.of(FapiTestClient.REDIRECT_URI), "software_jwks_endpoint",
					"https://keystore.directory.test.consentry.example/org/app.jwks", "scope", "openid"));

		HTTPResponse response = postRegistration(Map.of("software_statement", statement.serialize()));

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
		Map<String, Object> metadata = response.getBodyAsJSONObject();
		assertThat(metadata.get("client_name")).isEqualTo("Directory Named App");
		assertThat(metadata.get("jwks_uri"))
			.isEqualTo("https://keystore.directory.test.consentry.example/org/app.jwks");
		assertThat(metadata.get("redirect_uris")).isEqualTo(List.of(FapiTestClient.REDIRECT_URI));
	}

	@Test
	@DisplayName("FAPI2 SP §6.8: a key the directory withdrew stops signing valid statements without a restart or an unknown kid")
	void withdrawnDirectoryKeyIsRefused() throws Exception {
		ECKey second = FapiTestClient.newKey("directory-second");
		TestDirectory.shared().publish(second);
		try {
			await(() -> statementOf(second).getStatusCode() == 201);

			TestDirectory.shared().publish();

			await(() -> statementOf(second).getStatusCode() == 400);
			HTTPResponse refused = statementOf(second);
			assertThat(refused.getBodyAsJSONObject().get("error")).isEqualTo("unapproved_software_statement");
		}
		finally {
			TestDirectory.shared().publish();
		}
	}

	private HTTPResponse statementOf(ECKey directoryKey) throws Exception {
		SignedJWT statement = TestDirectory.signWith(directoryKey,
				FapiTestClient.statementMetadata(FapiTestClient.newKey("c")));
		return postRegistration(Map.of("software_statement", statement.serialize()));
	}

	/**
	 * Waits up to 10 s (the test configuration refreshes the directory's keys every
	 * second).
	 */
	private static void await(Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.call()) {
			assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private static HTTPResponse postRegistration(Map<String, Object> body) throws Exception {
		HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, ISSUER.resolve("/register"));
		request.setContentType("application/json");
		request.setBody(JSONObjectUtils.toJSONString(body));
		return request.send();
	}

	private long partners() {
		return this.jdbc.sql("SELECT count(*) FROM registry.partner").query(Long.class).single();
	}

}
