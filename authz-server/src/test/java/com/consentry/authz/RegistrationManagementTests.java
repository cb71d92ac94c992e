package com.consentry.authz;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.Concurrently;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.consentry.authz.support.Tokens;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7592 client configuration as partners use it over HTTP: the registration access
 * token rotates on every update, keys rotate without downtime, and every refusal has its
 * status and error.
 */
class RegistrationManagementTests extends AuthorizationServerTest {

	@Test
	@DisplayName("RFC7592 §2.2: an update answers a new registration access token; the old one is 401 at once, the new one works")
	void updateRotatesTheRegistrationAccessToken() throws Exception {
		FapiTestClient partner = newPartner();
		String old = partner.registrationAccessToken;

		HTTPResponse updated = update(partner, old, statement(partner.clientKey));
		assertThat(updated.getStatusCode()).as(updated.getBody()).isEqualTo(200);
		assertThat(updated.getCacheControl()).isEqualTo("no-store");
		String rotated = (String) updated.getBodyAsJSONObject().get("registration_access_token");
		assertThat(rotated).isNotBlank().isNotEqualTo(old);

		assertThat(read(partner, old).getStatusCode()).isEqualTo(401);
		assertThat(update(partner, old, statement(partner.clientKey)).getStatusCode()).isEqualTo(401);
		assertThat(delete(partner, old).getStatusCode()).isEqualTo(401);
		HTTPResponse read = read(partner, rotated);
		assertThat(read.getStatusCode()).isEqualTo(200);
		assertThat(read.getBodyAsJSONObject()).doesNotContainKey("registration_access_token");
		assertThat(delete(partner, rotated).getStatusCode()).isEqualTo(204);
	}

	@Test
	@DisplayName("RFC7592 §2.2: of concurrent updates with one registration access token exactly one succeeds; its new token is the only one that works")
	void concurrentUpdatesRotateOnce() throws Exception {
		FapiTestClient partner = newPartner();
		SignedJWT statement = statement(partner.clientKey);

		List<HTTPResponse> responses = Concurrently.times(8,
				() -> update(partner, partner.registrationAccessToken, statement));

		List<HTTPResponse> succeeded = responses.stream()
			.filter((response) -> response.getStatusCode() == 200)
			.toList();
		assertThat(succeeded).hasSize(1);
		assertThat(responses).allSatisfy((response) -> assertThat(response.getStatusCode()).isIn(200, 401));
		String token = (String) succeeded.get(0).getBodyAsJSONObject().get("registration_access_token");
		assertThat(read(partner, token).getStatusCode()).isEqualTo(200);
		assertThat(read(partner, partner.registrationAccessToken).getStatusCode()).isEqualTo(401);
	}

	@Test
	@DisplayName("RFC7592 §2.2: key rotation without downtime: old and new keys both authenticate while tokens keep flowing; removing the old key stops it")
	void keysRotateWithoutDowntime() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		ECKey next = FapiTestClient.newKey("client-next");
		FapiTestClient withNext = FapiTestClient.existing(ISSUER, partner.clientId.getValue(), next);

		HTTPResponse both = update(partner, partner.registrationAccessToken, statement(partner.clientKey, next));
		assertThat(both.getStatusCode()).as(both.getBody()).isEqualTo(200);
		String token = (String) both.getBodyAsJSONObject().get("registration_access_token");

		Tokens refreshed = Tokens.fromResponse(partner.refresh(tokens.refreshToken()));
		assertThat(withNext.push(withNext.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.isEqualTo(201);
		assertThat(partner.push(partner.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.isEqualTo(201);
		assertThat(introspect(gateway(), refreshed.accessToken()).get("active")).isEqualTo(true);

		HTTPResponse onlyNext = update(partner, token, statement(next));
		assertThat(onlyNext.getStatusCode()).as(onlyNext.getBody()).isEqualTo(200);

		HTTPResponse oldKey = partner.refresh(refreshed.refreshToken());
		assertThat(oldKey.getStatusCode()).as(oldKey.getBody()).isEqualTo(401);
		assertThat(oldKey.getBody()).contains("invalid_client");
		assertThat(withNext.push(withNext.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.isEqualTo(201);
		assertThat(introspect(gateway(), refreshed.accessToken()).get("active"))
			.as("tokens issued before the rotation stay valid")
			.isEqualTo(true);
	}

	@Test
	@DisplayName("RFC7592 §2: every refusal has its status: 401 invalid_token without, with a wrong or another client's token; 400 with the RFC 7591 error for a bad update")
	void refusalsHaveTheirStatus() throws Exception {
		FapiTestClient partner = newPartner();
		FapiTestClient other = newPartner();
		String token = partner.registrationAccessToken;

		HTTPRequest anonymous = new HTTPRequest(HTTPRequest.Method.GET,
				ISSUER.resolve("/register/" + partner.clientId));
		HTTPResponse unauthenticated = anonymous.send();
		assertThat(unauthenticated.getStatusCode()).isEqualTo(401);
		assertThat(unauthenticated.getHeaderValue("WWW-Authenticate")).contains("invalid_token");
		assertThat(read(partner, "wrong-token").getStatusCode()).isEqualTo(401);
		assertThat(read(partner, other.registrationAccessToken).getStatusCode()).isEqualTo(401);
		HTTPRequest unknown = new HTTPRequest(HTTPRequest.Method.GET, ISSUER.resolve("/register/no-such-client"));
		unknown.setAuthorization("Bearer " + token);
		assertThat(unknown.send().getStatusCode()).isEqualTo(401);

		HTTPRequest text = new HTTPRequest(HTTPRequest.Method.PUT, ISSUER.resolve("/register/" + partner.clientId));
		text.setAuthorization("Bearer " + token);
		text.setContentType("text/plain");
		text.setBody("{}");
		assertError(text.send(), "invalid_client_metadata");
		assertError(update(partner, token, Map.of("client_id", other.clientId.getValue(), "software_statement",
				statement(partner.clientKey).serialize())), "invalid_client_metadata");
		Map<String, Object> otherOrganisation = new HashMap<>(FapiTestClient.statementMetadata(partner.clientKey));
		otherOrganisation.put("org_id", newOrgId());
		assertError(update(partner, token, TestDirectory.shared().sign(otherOrganisation)),
				"invalid_software_statement");
		assertError(update(partner, token, TestDirectory.signWith(FapiTestClient.newKey("rogue-directory"),
				FapiTestClient.statementMetadata(partner.clientKey))), "unapproved_software_statement");
		Map<String, Object> newHost = new HashMap<>(FapiTestClient.statementMetadata(partner.clientKey));
		newHost.put("redirect_uris", List.of(FapiTestClient.REDIRECT_URI, "https://elsewhere.example.net/callback"));
		HTTPResponse widened = update(partner, token, TestDirectory.shared().sign(newHost));
		assertError(widened, "invalid_redirect_uri");
		assertThat(widened.getBody()).contains("elsewhere.example.net");

		assertThat(read(partner, token).getStatusCode()).as("refused updates rotated nothing").isEqualTo(200);
		assertThat(delete(partner, token).getStatusCode()).isEqualTo(204);
		assertThat(read(partner, token).getStatusCode()).isEqualTo(401);
		assertThat(delete(partner, token).getStatusCode()).isEqualTo(401);
	}

	private static SignedJWT statement(ECKey... keys) {
		Map<String, Object> metadata = new HashMap<>(FapiTestClient.statementMetadata(keys[0]));
		List<JWK> publicKeys = java.util.Arrays.stream(keys).map((key) -> (JWK) key.toPublicJWK()).toList();
		metadata.put("jwks", new JWKSet(publicKeys).toJSONObject());
		return TestDirectory.shared().sign(metadata);
	}

	private static HTTPResponse update(FapiTestClient partner, String token, SignedJWT statement) throws Exception {
		return update(partner, token,
				Map.of("client_id", partner.clientId.getValue(), "software_statement", statement.serialize()));
	}

	private static HTTPResponse update(FapiTestClient partner, String token, Map<String, Object> body)
			throws Exception {
		HTTPRequest update = new HTTPRequest(HTTPRequest.Method.PUT, ISSUER.resolve("/register/" + partner.clientId));
		update.setAuthorization("Bearer " + token);
		update.setContentType("application/json");
		update.setBody(JSONObjectUtils.toJSONString(body));
		return update.send();
	}

	private static HTTPResponse read(FapiTestClient partner, String token) throws Exception {
		HTTPRequest read = new HTTPRequest(HTTPRequest.Method.GET, ISSUER.resolve("/register/" + partner.clientId));
		read.setAuthorization("Bearer " + token);
		return read.send();
	}

	private static HTTPResponse delete(FapiTestClient partner, String token) throws Exception {
		HTTPRequest delete = new HTTPRequest(HTTPRequest.Method.DELETE,
				ISSUER.resolve("/register/" + partner.clientId));
		delete.setAuthorization("Bearer " + token);
		return delete.send();
	}

	private static void assertError(HTTPResponse response, String error) throws Exception {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
		assertThat(response.getBodyAsJSONObject().get("error")).isEqualTo(error);
	}

}
