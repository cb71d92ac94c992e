package com.consentry.authz;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the PAR and authorization endpoints refuse, and how: JSON errors at PAR, a page
 * (never a redirect) before the redirect URI is known, JARM once it is.
 */
class PushedAuthorizationRequestTests extends AuthorizationServerTest {

	@Autowired
	JdbcClient jdbc;

	FapiTestClient partner;

	CodeVerifier verifier;

	@BeforeEach
	void setUp() {
		this.partner = newPartner();
		this.verifier = new CodeVerifier();
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.2(2): rejects an authorization request without PAR, without redirecting")
	void authorizationRequestWithoutParIsRefused() {
		URI plain = this.partner.authorizationRequest(this.verifier).build().toURI();
		HttpResponse<String> response = new CustomerSession(ISSUER).get(plain);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.body()).contains("This request cannot be completed").contains("invalid_request");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'none'"));
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.2(5): refuses a pushed request without PKCE")
	void parWithoutPkceIsRefused() {
		AuthorizationRequest request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
				this.partner.clientId)
			.redirectionURI(URI.create(FapiTestClient.REDIRECT_URI))
			.scope(new Scope("openid"))
			.responseMode(ResponseMode.JWT)
			.customParameter("authorization_details", FapiTestClient.FDX_DETAILS)
			.build();
		assertError(this.partner.push(request), "invalid_request");
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.2(5): refuses PKCE method plain")
	void parWithPlainPkceIsRefused() {
		AuthorizationRequest request = this.partner.authorizationRequest(this.verifier)
			.codeChallenge(this.verifier, CodeChallengeMethod.PLAIN)
			.build();
		assertError(this.partner.push(request), "invalid_request");
	}

	@Test
	@DisplayName("RFC6749 §3.1.2.3: refuses a redirect_uri that is not registered exactly")
	void unregisteredRedirectUriIsRefused() {
		AuthorizationRequest request = this.partner.authorizationRequest(this.verifier)
			.redirectionURI(URI.create(FapiTestClient.REDIRECT_URI + "/other"))
			.build();
		assertError(this.partner.push(request), "invalid_request");
	}

	@Test
	@DisplayName("RFC9396 §5: refuses authorization_details that are not a valid fdx_v1.0 request")
	void invalidAuthorizationDetailsAreRefused() {
		for (String details : List.of("not json", "[]", "[{\"type\":\"payment_initiation\"}]",
				"[{\"type\":\"fdx_v1.0\",\"consentRequest\":{\"durationType\":\"TIME_BOUND\",\"durationPeriod\":400,"
						+ "\"resources\":[{\"resourceType\":\"ACCOUNT\",\"dataClusters\":[\"TRANSACTIONS\"]}]}}]",
				"[{\"type\":\"fdx_v1.0\",\"consentRequest\":{\"durationType\":\"ONE_TIME\","
						+ "\"resources\":[{\"resourceType\":\"ACCOUNT\",\"dataClusters\":[\"EVERYTHING\"]}]}}]")) {
			AuthorizationRequest request = this.partner.authorizationRequest(this.verifier)
				.customParameter("authorization_details", details)
				.build();
			assertError(this.partner.push(request), "invalid_authorization_details");
		}
		AuthorizationRequest missing = new AuthorizationRequest.Builder(
				this.partner.authorizationRequest(this.verifier).build())
			.customParameter("authorization_details", (String[]) null)
			.build();
		assertError(this.partner.push(missing), "invalid_authorization_details");
	}

	@Test
	@DisplayName("FDX: refuses an FDX scope for a data cluster the authorization_details do not request")
	void scopeBeyondDetailsIsRefused() {
		AuthorizationRequest request = this.partner.authorizationRequest(this.verifier)
			.scope(new Scope("openid", "fdx:statements:read"))
			.build();
		assertError(this.partner.push(request), "invalid_scope");
	}

	@Test
	@DisplayName("FAPI2 MS §5.3.3: refuses a response_mode the client did not register")
	void unregisteredResponseModeIsRefused() {
		AuthorizationRequest request = this.partner.authorizationRequest(this.verifier)
			.responseMode(ResponseMode.FRAGMENT)
			.build();
		assertError(this.partner.push(request), "invalid_request");
	}

	@Test
	@DisplayName("RFC9126 §2.1: refuses a request_uri parameter inside a pushed request")
	void requestUriInsideParIsRefused() {
		AuthorizationRequest request = this.partner.authorizationRequest(this.verifier)
			.customParameter("request_uri", "urn:ietf:params:oauth:request_uri:abc")
			.build();
		assertError(this.partner.push(request), "invalid_request");
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.2(1): refuses any response_type but code")
	void otherResponseTypesAreRefused() {
		AuthorizationRequest request = new AuthorizationRequest.Builder(
				this.partner.authorizationRequest(this.verifier).build())
			.responseType(new ResponseType("code", "id_token"))
			.build();
		HTTPResponse response = this.partner.push(request);
		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(response.getBody()).containsAnyOf("unsupported_response_type", "invalid_request");
	}

	@Test
	@DisplayName("RFC9101: refuses a request object, which this server does not support")
	void requestObjectIsRefused() {
		AuthorizationRequest request = this.partner.authorizationRequest(this.verifier)
			.customParameter("request", "eyJhbGciOiJub25lIn0.e30.")
			.build();
		assertError(this.partner.push(request), "request_not_supported");
	}

	@Test
	@DisplayName("RFC9126 §2.1: refuses a pushed request without client authentication")
	void parWithoutClientAuthenticationIsRefused() throws Exception {
		HTTPRequest http = new PushedAuthorizationRequest(this.partner.endpoint("/oauth2/par"),
				this.partner.authorizationRequest(this.verifier).build())
			.toHTTPRequest();
		HTTPResponse response = http.send();
		assertThat(response.getStatusCode()).isEqualTo(401);
		assertThat(response.getBody()).contains("invalid_client");
	}

	@Test
	@DisplayName("RFC9126 §4, FAPI2 SP §6.4: a request_uri is single-use")
	void requestUriIsSingleUse() {
		String requestUri = pushStandardRequest(this.partner, this.verifier);
		URI authorizationUrl = authorizationUrl(this.partner, requestUri);
		CustomerSession alice = new CustomerSession(ISSUER);
		partnerRedirect(alice.authorize(authorizationUrl, "alice", "alice-demo-pass", ALICE_ACCOUNTS, "approve"));
		HttpResponse<String> again = alice.get(authorizationUrl);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.headers().firstValue("Location")).isEmpty();
	}

	@Test
	@DisplayName("RFC9126 §2.2, §4: an expired request_uri is refused")
	void expiredRequestUriIsRefused() {
		String requestUri = pushStandardRequest(this.partner, this.verifier);
		// The handle carries its expiry; move the stored request's expiry into the past,
		// as time would.
		String state = requestUri.substring("urn:ietf:params:oauth:request_uri:".length());
		String expiredState = state.substring(0, state.indexOf("___")) + "___" + (System.currentTimeMillis() - 1000);
		this.jdbc
			.sql("UPDATE authz.authorization SET state_hash = sha256(convert_to(?, 'UTF8')) "
					+ "WHERE state_hash = sha256(convert_to(?, 'UTF8'))")
			.params(expiredState, state)
			.update();
		URI expired = authorizationUrl(this.partner, "urn:ietf:params:oauth:request_uri:" + expiredState);
		HttpResponse<String> beforeSignIn = new CustomerSession(ISSUER).get(expired);
		assertThat(beforeSignIn.statusCode()).as("refused before anybody signs in").isEqualTo(400);
		assertThat(beforeSignIn.headers().firstValue("Location")).isEmpty();
		// a customer already signed in meets Spring Authorization Server's own check
		HttpResponse<String> signedIn = signedInAsAlice(expired);
		assertThat(signedIn.statusCode()).isEqualTo(400);
		assertThat(signedIn.headers().firstValue("Location")).isEmpty();
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.2 Note 3: opening the authorization URL before signing in does not use up the request_uri")
	void prefetchDoesNotBurnRequestUri() {
		String requestUri = pushStandardRequest(this.partner, this.verifier);
		URI authorizationUrl = authorizationUrl(this.partner, requestUri);
		assertThat(new CustomerSession(ISSUER).get(authorizationUrl).body()).contains("name=\"password\"");
		assertThat(new CustomerSession(ISSUER).get(authorizationUrl).body()).contains("name=\"password\"");
		partnerRedirect(new CustomerSession(ISSUER).authorize(authorizationUrl, "alice", "alice-demo-pass",
				ALICE_ACCOUNTS, "approve"));
	}

	@Test
	@DisplayName("RFC9126 §4: a request_uri pushed by one client cannot be used by another")
	void requestUriIsBoundToItsClient() {
		String requestUri = pushStandardRequest(this.partner, this.verifier);
		FapiTestClient other = newPartner();
		assertThat(new CustomerSession(ISSUER).get(authorizationUrl(other, requestUri)).statusCode()).isEqualTo(400);
		HttpResponse<String> response = signedInAsAlice(authorizationUrl(other, requestUri));
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	@DisplayName("JARM §2.1 + FAPI2 SP §5.3.2.2(7): a denial goes back as access_denied inside a signed response with iss")
	void denialComesBackThroughJarm() {
		String requestUri = pushStandardRequest(this.partner, this.verifier);
		HttpResponse<String> done = new CustomerSession(ISSUER).authorize(authorizationUrl(this.partner, requestUri),
				"alice", "alice-demo-pass", List.of(), "deny");
		JWTClaimsSet claims = jarm(this.partner, partnerRedirect(done));
		assertThat(claims.getClaim("error")).isEqualTo("access_denied");
		assertThat(claims.getIssuer()).isEqualTo(ISSUER.toString());
		assertThat(claims.getAudience()).containsExactly(this.partner.clientId.getValue());
		assertThat(claims.getClaim("state")).isNotNull();
		String status = this.jdbc.sql("SELECT status FROM consent.consent WHERE client_id = ?")
			.param(this.partner.clientId.getValue())
			.query(String.class)
			.single();
		assertThat(status).isEqualTo("DENIED");
	}

	@Test
	@DisplayName("FDX §1.4: the consent is recorded at PAR, awaiting authorization")
	void consentIsRecordedAtPar() {
		pushStandardRequest(this.partner, this.verifier);
		String status = this.jdbc.sql("SELECT status FROM consent.consent WHERE client_id = ?")
			.param(this.partner.clientId.getValue())
			.query(String.class)
			.single();
		assertThat(status).isEqualTo("AWAITING_AUTHORIZATION");
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.2(12): PAR expires_in is below 600 seconds")
	void parLifetimeIsShort() throws Exception {
		HTTPResponse response = this.partner.push(this.partner.authorizationRequest(this.verifier).build());
		long expiresIn = (Long) response.getBodyAsJSONObject().get("expires_in");
		assertThat(expiresIn).isPositive().isLessThan(600);
	}

	/** Alice, already signed in, opens the authorization URL. */
	private static HttpResponse<String> signedInAsAlice(URI authorizationUrl) {
		CustomerSession alice = new CustomerSession(ISSUER);
		alice.signIn(alice.get(ISSUER.resolve("/login")), "alice", "alice-demo-pass");
		return alice.get(authorizationUrl);
	}

	static void assertError(HTTPResponse response, String error) {
		assertThat(response.getStatusCode()).as(response.getBody()).isBetween(400, 401);
		try {
			assertThat(response.getBodyAsJSONObject().get("error")).as(response.getBody()).isEqualTo(error);
		}
		catch (Exception ex) {
			throw new AssertionError("not a JSON error: " + response.getBody(), ex);
		}
	}

}
