package com.consentry.authz.consentapi;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.Consents;
import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FDX consent API over HTTP (spec/fdx.md §1.3), called by partners driven by Nimbus
 * with their DPoP-bound access tokens.
 */
class ConsentApiTests extends AuthorizationServerTest {

	private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	@Autowired
	Consents consents;

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("FDX §1.1, §1.3 getConsentGrant: the partner reads its own consent as an FDX ConsentGrant; the interaction id is echoed")
	void getWhenOwnConsentThenConsentGrant() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);

		HTTPResponse response = call(partner, tokens.accessToken(), HTTPRequest.Method.GET,
				"/fdx/v6/consents/" + tokens.consentId(), null);

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
		assertThat(response.getHeaderValue("x-fapi-interaction-id")).isEqualTo("test-interaction-1");
		JSONObject grant = response.getBodyAsJSONObject();
		assertThat(grant.get("id")).isEqualTo(tokens.consentId());
		assertThat(grant.get("status")).isEqualTo("ACTIVE");
		assertThat(grant.get("durationType")).isEqualTo("TIME_BOUND");
		assertThat(grant.get("durationPeriod")).isEqualTo(30L);
		assertThat(grant.get("lookbackPeriod")).isEqualTo(90L);
		assertThat((String) grant.get("createdTime")).matches(TIMESTAMP);
		assertThat((String) grant.get("updatedTime")).matches(TIMESTAMP);
		assertThat((String) grant.get("expirationTime")).matches(TIMESTAMP);
		List<Object> parties = (JSONArray) grant.get("parties");
		assertThat(parties).extracting((party) -> (Object) ((Map<?, ?>) party).get("type"))
			.containsExactly("DATA_RECIPIENT", "DATA_PROVIDER");
		assertThat(parties).allSatisfy((party) -> assertThat(((Map<?, ?>) party).get("name")).isNotNull());
		List<Object> resources = (JSONArray) grant.get("resources");
		assertThat(resources).extracting((resource) -> (Object) ((Map<?, ?>) resource).get("resourceId"))
			.containsExactlyInAnyOrder(ALICE_ACCOUNTS.toArray());
		assertThat(resources).allSatisfy((resource) -> {
			assertThat(((Map<?, ?>) resource).get("resourceType")).isEqualTo("ACCOUNT");
			assertThat((List<Object>) ((Map<?, ?>) resource).get("dataClusters")).containsExactly("ACCOUNT_DETAILED",
					"TRANSACTIONS");
		});
		assertThat(grant.keySet()).containsExactlyInAnyOrder("id", "status", "parties", "createdTime", "updatedTime",
				"expirationTime", "durationType", "durationPeriod", "lookbackPeriod", "resources");
	}

	@Test
	@DisplayName("FDX §1.3: a partner's token opens its other consents too (the token's fdxConsentId need not be the one asked for)")
	void getWhenOtherConsentOfSamePartnerThenGranted() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens first = Tokens.obtain(partner);
		Tokens second = Tokens.obtain(partner);

		HTTPResponse response = call(partner, first.accessToken(), HTTPRequest.Method.GET,
				"/fdx/v6/consents/" + second.consentId(), null);

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
		assertThat(response.getBodyAsJSONObject().get("id")).isEqualTo(second.consentId());
	}

	@Test
	@DisplayName("FDX §1.3, §3.3: another partner's consent is 404 1107 for reading and revoking, and stays ACTIVE")
	void whenAnotherPartnersConsentThenNotFoundAndUnchanged() throws Exception {
		FapiTestClient owner = newPartner();
		Tokens owned = Tokens.obtain(owner);
		FapiTestClient intruder = newPartner();
		Tokens intruderTokens = Tokens.obtain(intruder);

		HTTPResponse read = call(intruder, intruderTokens.accessToken(), HTTPRequest.Method.GET,
				"/fdx/v6/consents/" + owned.consentId(), null);
		HTTPResponse revoke = call(intruder, intruderTokens.accessToken(), HTTPRequest.Method.PUT,
				"/fdx/v6/consents/" + owned.consentId() + "/revocation",
				"{\"reason\":\"USER_ACTION\",\"initiator\":\"DATA_RECIPIENT\"}");
		HTTPResponse history = call(intruder, intruderTokens.accessToken(), HTTPRequest.Method.GET,
				"/fdx/v6/consents/" + owned.consentId() + "/revocation", null);

		for (HTTPResponse response : List.of(read, revoke, history)) {
			assertFdxError(response, 404, "1107");
		}
		assertThat(this.consents.isActive(new ConsentId(owned.consentId()))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "cst-unknown-consent-0000000000000000", "x" })
	@DisplayName("FDX §1.3, §3.3: an unknown consent id is 404 1107 in FDX's error shape")
	void getWhenUnknownThenNotFound(String consentId) throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		HTTPResponse response = call(partner, tokens.accessToken(), HTTPRequest.Method.GET,
				"/fdx/v6/consents/" + consentId, null);
		assertFdxError(response, 404, "1107");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not json", "{\"reason\":\"USER_ACTION\"}", "{\"initiator\":\"DATA_RECIPIENT\"}",
			"{\"reason\":\"BECAUSE\",\"initiator\":\"DATA_RECIPIENT\"}",
			"{\"reason\":\"USER_ACTION\",\"initiator\":\"DATA_RECIPIENT\",\"extra\":1}",
			"{\"reason\":\"USER_ACTION\",\"reason\":\"BUSINESS_RULE\",\"initiator\":\"DATA_RECIPIENT\"}",
			"{\"reason\":\"USER_ACTION\",\"initiator\":\"DATA_PROVIDER\"}", "[]" })
	@DisplayName("FDX §1.3 revokeConsentGrant, §3.3: a malformed body is 400 401 (invalid input) and the consent stays ACTIVE with its tokens")
	void revokeWhenMalformedBodyThenBadRequestAndUnchanged(String body) throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);

		HTTPResponse response = call(partner, tokens.accessToken(), HTTPRequest.Method.PUT,
				"/fdx/v6/consents/" + tokens.consentId() + "/revocation", body);

		assertFdxError(response, 400, "401");
		assertThat(this.consents.find(new ConsentId(tokens.consentId())))
			.hasValueSatisfying((consent) -> assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE));
		assertThat(introspect(gateway(), tokens.accessToken()).get("active")).isEqualTo(true);
	}

	@Test
	@DisplayName("FDX §1.3 revokeConsentGrant: 204; refresh is refused, introspection inactive and the consent API refuses the revoked token (401 603) at once; a second revocation is 409; the history names who and why")
	void revokeWhenActiveThenNoContentTokensEndAndSecondIsConflict() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		// the partner's token of another consent, to look at this one once its own tokens
		// are revoked
		Tokens other = Tokens.obtain(partner);
		String revocation = "/fdx/v6/consents/" + tokens.consentId() + "/revocation";

		HTTPResponse first = call(partner, tokens.accessToken(), HTTPRequest.Method.PUT, revocation,
				"{\"reason\":\"USER_ACTION\",\"initiator\":\"INDIVIDUAL\"}");
		assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(204);

		HTTPResponse refresh = partner.refresh(tokens.refreshToken());
		assertThat(refresh.getStatusCode()).isEqualTo(400);
		assertThat(refresh.getBody()).contains("invalid_grant");
		assertThat(introspect(gateway(), tokens.accessToken()).get("active")).isEqualTo(false);
		assertThat(this.jdbc.sql("SELECT count(*) FROM authz.authorization WHERE consent_id = ? AND revoked_at IS NULL")
			.param(tokens.consentId())
			.query(Long.class)
			.single()).isZero();

		HTTPResponse revokedToken = call(partner, tokens.accessToken(), HTTPRequest.Method.GET, revocation, null);
		assertFdxError(revokedToken, 401, "603");

		HTTPResponse second = call(partner, other.accessToken(), HTTPRequest.Method.PUT, revocation,
				"{\"reason\":\"USER_ACTION\",\"initiator\":\"DATA_RECIPIENT\"}");
		assertFdxError(second, 409, "409");

		HTTPResponse history = call(partner, other.accessToken(), HTTPRequest.Method.GET, revocation, null);
		assertThat(history.getStatusCode()).isEqualTo(200);
		List<?> revocations = (JSONArray) history.getBodyAsJSONObject().get("revocations");
		assertThat(revocations).singleElement().satisfies((entry) -> {
			Map<?, ?> record = (Map<?, ?>) entry;
			assertThat(record.get("status")).isEqualTo("REVOKED");
			assertThat(record.get("reason")).isEqualTo("USER_ACTION");
			assertThat(record.get("initiator")).isEqualTo("INDIVIDUAL");
			assertThat((String) record.get("updatedTime")).matches(TIMESTAMP);
		});
		HTTPResponse grant = call(partner, other.accessToken(), HTTPRequest.Method.GET,
				"/fdx/v6/consents/" + tokens.consentId(), null);
		assertThat(grant.getBodyAsJSONObject().get("status")).isEqualTo("REVOKED");
	}

	@Test
	@DisplayName("FDX §3.3: a partner the bank suspended is 401 603 at the consent API, and served again once reactivated")
	void suspendedPartnerIsRefused() throws Exception {
		String orgId = newOrgId();
		FapiTestClient partner = newPartnerOfOwnOrganisation(ISSUER, orgId);
		Tokens tokens = Tokens.obtain(partner);
		String consent = "/fdx/v6/consents/" + tokens.consentId();
		this.jdbc.sql("UPDATE registry.partner SET status = 'SUSPENDED' WHERE org_id = ?").param(orgId).update();
		assertFdxError(call(partner, tokens.accessToken(), HTTPRequest.Method.GET, consent, null), 401, "603");
		this.jdbc.sql("UPDATE registry.partner SET status = 'ACTIVE' WHERE org_id = ?").param(orgId).update();
		assertThat(call(partner, tokens.accessToken(), HTTPRequest.Method.GET, consent, null).getStatusCode())
			.isEqualTo(200);
	}

	@Test
	@DisplayName("FDX §1.3 getConsentRevocation: an ACTIVE consent has an empty history")
	void revocationsWhenActiveThenEmpty() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		HTTPResponse history = call(partner, tokens.accessToken(), HTTPRequest.Method.GET,
				"/fdx/v6/consents/" + tokens.consentId() + "/revocation", null);
		assertThat(history.getStatusCode()).isEqualTo(200);
		assertThat((List<?>) history.getBodyAsJSONObject().get("revocations")).isEmpty();
	}

	@Test
	@DisplayName("FDX §1.2, 409: revoking a consent past its expirationTime is a conflict, even before the expiry job stored EXPIRED")
	void revokeWhenPastExpiryThenConflict() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		this.jdbc.sql("UPDATE consent.consent SET expires_at = now() - interval '1 second' WHERE id = ?")
			.param(tokens.consentId())
			.update();

		HTTPResponse response = call(partner, tokens.accessToken(), HTTPRequest.Method.PUT,
				"/fdx/v6/consents/" + tokens.consentId() + "/revocation",
				"{\"reason\":\"USER_ACTION\",\"initiator\":\"DATA_RECIPIENT\"}");
		assertFdxError(response, 409, "409");
		HTTPResponse grant = call(partner, tokens.accessToken(), HTTPRequest.Method.GET,
				"/fdx/v6/consents/" + tokens.consentId(), null);
		assertThat(grant.getBodyAsJSONObject().get("status")).isEqualTo("EXPIRED");
	}

	@Test
	@DisplayName("RFC9449 §7.1, FDX §3.3: a Bearer presentation, no token, or a proof of another key is 401 603 with a DPoP challenge")
	void callWhenNotDpopBoundThenUnauthorized() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		URI consent = ISSUER.resolve("/fdx/v6/consents/" + tokens.consentId());

		HTTPRequest bearer = new HTTPRequest(HTTPRequest.Method.GET, consent);
		bearer.setAuthorization("Bearer " + tokens.accessToken().getValue());
		assertFdxError(bearer.send(), 401, "603");
		assertFdxError(new HTTPRequest(HTTPRequest.Method.GET, consent).send(), 401, "603");

		FapiTestClient otherKey = FapiTestClient.existing(ISSUER, partner.clientId.getValue(), partner.clientKey);
		HTTPResponse wrongKey = call(otherKey, tokens.accessToken(), HTTPRequest.Method.GET,
				"/fdx/v6/consents/" + tokens.consentId(), null);
		assertFdxError(wrongKey, 401, "603");
		assertThat(wrongKey.getHeaderValue("WWW-Authenticate")).startsWith("DPoP");
	}

	private static HTTPResponse call(FapiTestClient client, AccessToken token, HTTPRequest.Method method, String path,
			String body) {
		return client.sendWithProof(() -> {
			HTTPRequest request = new HTTPRequest(method, client.endpoint(path));
			request.setAuthorization("DPoP " + token.getValue());
			request.setHeader("x-fapi-interaction-id", "test-interaction-1");
			if (body != null) {
				request.setEntityContentType(ContentType.APPLICATION_JSON);
				request.setBody(body);
			}
			return request;
		}, token);
	}

	static void assertFdxError(HTTPResponse response, int status, String code) throws Exception {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
		JSONObject error = response.getBodyAsJSONObject();
		assertThat(error.get("code")).isEqualTo(code);
		assertThat(error.get("message")).isInstanceOf(String.class);
		assertThat(error.keySet()).containsExactlyInAnyOrder("code", "message");
	}

}
