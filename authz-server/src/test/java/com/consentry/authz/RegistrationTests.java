package com.consentry.authz;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
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
 * Registration over HTTP with Nimbus' RFC 7591 client (the statement rules are unit-tested in the registry).
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
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
			.keyID(genuine.getHeader().getKeyID())
			.build(), genuine.getJWTClaimsSet());
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

	private long partners() {
		return this.jdbc.sql("SELECT count(*) FROM registry.partner").query(Long.class).single();
	}

}
