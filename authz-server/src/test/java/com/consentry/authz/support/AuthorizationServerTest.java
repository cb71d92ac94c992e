package com.consentry.authz.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.jarm.JARMValidator;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Token;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the protocol tests: the whole server on a real port and an embedded PostgreSQL,
 * driven over HTTP by {@link FapiTestClient} (Nimbus) and {@link CustomerSession}. All
 * subclasses share one context. Tagged {@code integration}: Failsafe runs them in
 * {@code mvn verify}, {@code mvn test} leaves them out.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class AuthorizationServerTest {

	protected static final int PORT = freePort();

	protected static final URI ISSUER = URI.create("http://localhost:" + PORT);

	/**
	 * The resource gateway's key; the gateway is provisioned through configuration, as an
	 * operator would.
	 */
	protected static final ECKey GATEWAY_KEY = FapiTestClient.newKey("gateway");

	protected static final String GATEWAY_CLIENT_ID = "test-resource-gateway";

	protected static final List<String> ALICE_ACCOUNTS = List.of("acc-alice-chk-01", "acc-alice-sav-02");

	@DynamicPropertySource
	static void serverProperties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("consentry.issuer", ISSUER::toString);
		registry.add("consentry.registry.directory.jwks-uri", () -> TestDirectory.shared().jwksUri());
		registry.add("consentry.introspection.resource-servers[0].client-id", () -> GATEWAY_CLIENT_ID);
		registry.add("consentry.introspection.resource-servers[0].jwks",
				() -> new JWKSet(GATEWAY_KEY.toPublicJWK()).toString());
	}

	/** The resource gateway, as a client of the authorization server. */
	protected static FapiTestClient gateway() {
		return FapiTestClient.existing(ISSUER, GATEWAY_CLIENT_ID, GATEWAY_KEY);
	}

	protected static FapiTestClient newPartner() {
		return FapiTestClient.register(ISSUER, TestDirectory.shared());
	}

	/**
	 * A partner of an organisation of its own, registered at {@code instance}: status and
	 * policy belong to the organisation, so governing it touches no other test's partner.
	 */
	protected static FapiTestClient newPartnerOfOwnOrganisation(URI instance, String orgId) {
		return FapiTestClient.register(ISSUER, instance, TestDirectory.shared(),
				Map.of("org_id", orgId, "org_name", "Fintech " + orgId));
	}

	/** A new organisation id no other test uses. */
	protected static String newOrgId() {
		return "org-" + UUID.randomUUID();
	}

	/** PAR with the standard request; returns the request_uri. */
	protected static String pushStandardRequest(FapiTestClient client, CodeVerifier verifier) {
		HTTPResponse response = client.push(client.authorizationRequest(verifier).build());
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
		try {
			PushedAuthorizationResponse parsed = PushedAuthorizationResponse.parse(response);
			return ((PushedAuthorizationSuccessResponse) parsed).getRequestURI().toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static URI authorizationUrl(FapiTestClient client, String requestUri) {
		return new AuthorizationRequest.Builder(URI.create(requestUri), client.clientId)
			.endpointURI(client.endpoint("/oauth2/authorize"))
			.build()
			.toURI();
	}

	/** The redirect the customer's browser is sent to at the end of the authorization. */
	protected static URI partnerRedirect(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		assertThat(location.toString()).startsWith(FapiTestClient.REDIRECT_URI);
		return location;
	}

	/** Validates the JARM response with Nimbus and returns its claims. */
	protected static JWTClaimsSet jarm(FapiTestClient client, URI redirect) {
		String response = UriComponentsBuilder.fromUri(redirect).build().getQueryParams().getFirst("response");
		assertThat(response).as("JARM response parameter").isNotNull();
		try {
			JWKSet serverKeys = JWKSet.load(client.issuer.resolve("/oauth2/jwks").toURL());
			return new JARMValidator(new Issuer(client.issuer), client.clientId, JWSAlgorithm.ES256, serverKeys)
				.validate(response);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * PAR, sign-in as alice, approve two accounts; returns the code from the validated
	 * JARM response.
	 */
	public static String authorizationCode(FapiTestClient client, CodeVerifier verifier) {
		String requestUri = pushStandardRequest(client, verifier);
		CustomerSession alice = new CustomerSession(client.endpoint("/"));
		HttpResponse<String> done = alice.authorize(authorizationUrl(client, requestUri), "alice", "alice-demo-pass",
				ALICE_ACCOUNTS, "approve");
		JWTClaimsSet claims = jarm(client, partnerRedirect(done));
		return (String) claims.getClaim("code");
	}

	/**
	 * RFC 7662 introspection by {@code caller} (a resource server); returns the answer's
	 * members.
	 */
	protected static Map<String, Object> introspect(FapiTestClient caller, Token token) {
		HTTPResponse response = caller.send(() -> new TokenIntrospectionRequest(caller.endpoint("/oauth2/introspect"),
				caller.clientAuthentication(), token)
			.toHTTPRequest());
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
		try {
			return response.getBodyAsJSONObject();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
