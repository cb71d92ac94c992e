package com.consentry.authz;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestCertificates;
import com.consentry.authz.support.TestCertificates.Issued;
import com.consentry.authz.support.TestDirectory;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PKITLSClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.SelfSignedTLSClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.jarm.JARMValidator;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * mTLS partners (RFC 8705) against the whole server over real TLS with
 * {@code client-auth=want}: {@code tls_client_auth} with a certificate of the directory's
 * authority and {@code self_signed_tls_client_auth} with a registered certificate, at
 * PAR, token, revocation and introspection, with Nimbus as the client; and the tokens
 * bound to the certificate. Certificates are made for the test with BouncyCastle.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class MutualTlsClientAuthenticationTests {

	private static final int PORT = freePort();

	private static final URI ISSUER = URI.create("https://localhost:" + PORT);

	private static final String PARTNER_NAME = "partner.mtls.test.consentry.example";

	private static final Instant NOW = Instant.now();

	private static final Issued SERVER_AUTHORITY = TestCertificates.authority("Server CA");

	private static final Issued DIRECTORY_AUTHORITY = TestCertificates.authority("Directory CA");

	private static final Issued OTHER_AUTHORITY = TestCertificates.authority("Another CA");

	private static final Issued PARTNER = partnerCertificate(DIRECTORY_AUTHORITY, PARTNER_NAME,
			NOW.plus(Duration.ofDays(1)));

	/** The partner's next certificate (same name, same authority): rotation. */
	private static final Issued PARTNER_NEXT = partnerCertificate(DIRECTORY_AUTHORITY, PARTNER_NAME,
			NOW.plus(Duration.ofDays(2)));

	private static final Issued PARTNER_EXPIRED = partnerCertificate(DIRECTORY_AUTHORITY, PARTNER_NAME,
			NOW.minus(Duration.ofMinutes(5)));

	private static final Issued OTHER_NAME = partnerCertificate(DIRECTORY_AUTHORITY, "other.test.consentry.example",
			NOW.plus(Duration.ofDays(1)));

	private static final Issued OTHER_AUTHORITYS = partnerCertificate(OTHER_AUTHORITY, PARTNER_NAME,
			NOW.plus(Duration.ofDays(1)));

	private static final Issued SELF_SIGNED = TestCertificates.selfSigned("CN=self-signed partner",
			NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));

	private static final Issued SELF_SIGNED_EXPIRED = TestCertificates.selfSigned("CN=self-signed partner",
			NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));

	private static final Issued SELF_SIGNED_UNREGISTERED = TestCertificates.selfSigned("CN=self-signed partner",
			NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));

	private static final ECKey GATEWAY_KEY = FapiTestClient.newKey("gateway");

	private static final String GATEWAY_CLIENT_ID = "test-resource-gateway";

	private static SSLContext previousContext;

	private static SSLSocketFactory previousSocketFactory;

	private static SSLSocketFactory previousNimbusSocketFactory;

	private static FapiTestClient tlsPartner;

	private static FapiTestClient selfSignedPartner;

	@DynamicPropertySource
	static void serverProperties(DynamicPropertyRegistry registry) throws IOException {
		Path folder = Files.createTempDirectory("consentry-mtls");
		folder.toFile().deleteOnExit();
		Path[] server = TestCertificates.localhostServer(SERVER_AUTHORITY).writePem(folder, "server");
		Path authorities = folder.resolve("directory-ca.crt");
		Files.writeString(authorities, TestCertificates.pem(DIRECTORY_AUTHORITY.certificate()));
		registry.add("server.port", () -> PORT);
		registry.add("server.ssl.certificate", () -> "file:" + server[0]);
		registry.add("server.ssl.certificate-private-key", () -> "file:" + server[1]);
		registry.add("server.ssl.client-auth", () -> "want");
		registry.add("consentry.issuer", ISSUER::toString);
		registry.add("consentry.registry.directory.jwks-uri", () -> TestDirectory.shared().jwksUri());
		registry.add("consentry.registry.directory.client-certificate-authorities", () -> "file:" + authorities);
		registry.add("consentry.introspection.resource-servers[0].client-id", () -> GATEWAY_CLIENT_ID);
		registry.add("consentry.introspection.resource-servers[0].jwks",
				() -> new JWKSet(GATEWAY_KEY.toPublicJWK()).toString());
	}

	@BeforeAll
	static void trustTheServer() throws GeneralSecurityException {
		previousContext = SSLContext.getDefault();
		previousSocketFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
		previousNimbusSocketFactory = HTTPRequest.getDefaultSSLSocketFactory();
		SSLContext trusting = TestCertificates.trustingContext(SERVER_AUTHORITY.certificate());
		SSLContext.setDefault(trusting);
		HttpsURLConnection.setDefaultSSLSocketFactory(trusting.getSocketFactory());
		HTTPRequest.setDefaultSSLSocketFactory(trusting.getSocketFactory());
	}

	@AfterAll
	static void restoreTrust() {
		SSLContext.setDefault(previousContext);
		HttpsURLConnection.setDefaultSSLSocketFactory(previousSocketFactory);
		HTTPRequest.setDefaultSSLSocketFactory(previousNimbusSocketFactory);
	}

	@Test
	@DisplayName("RFC8705 §2.1, §3.1: a tls_client_auth partner authenticates at PAR and token with the directory-issued certificate carrying its registered name; the access token is bound to it (cnf.x5t#S256, token_type Bearer, no DPoP)")
	void tlsClientAuthWhenRegisteredCertificateThenBoundTokens() throws Exception {
		FapiTestClient partner = tlsPartner();
		Tokens tokens = authorizeAndRedeem(partner, tlsAuth(partner, PARTNER));

		JWTClaimsSet claims = SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet();
		assertThat(tokens.getAccessToken().getType().getValue()).isEqualTo("Bearer");
		assertThat(claims.getJSONObjectClaim("cnf")).containsExactly(Map.entry("x5t#S256", thumbprint(PARTNER)));
		assertThat(introspect(tokens.getAccessToken()).get("cnf")).isEqualTo(Map.of("x5t#S256", thumbprint(PARTNER)));
	}

	static Stream<Arguments> refusedTlsCertificates() {
		return Stream.of(
				argumentSet("fails because the certificate carries another name (RFC8705 §2.1.2)",
						(Function<FapiTestClient, ClientAuthentication>) (client) -> tlsAuth(client, OTHER_NAME)),
				argumentSet("fails because the certificate has expired (FAPI2 SP §5.3.2.1(6))",
						(Function<FapiTestClient, ClientAuthentication>) (client) -> tlsAuth(client, PARTNER_EXPIRED)),
				argumentSet("fails because another authority issued it (RFC8705 §2.1)",
						(Function<FapiTestClient, ClientAuthentication>) (client) -> tlsAuth(client, OTHER_AUTHORITYS)),
				argumentSet("fails because the connection has no certificate (RFC8705 §2)",
						(Function<FapiTestClient, ClientAuthentication>) (client) -> null));
	}

	@ParameterizedTest
	@MethodSource("refusedTlsCertificates")
	@DisplayName("RFC8705 §2.1: tls_client_auth at PAR refuses a wrong, an expired, a foreign or no certificate with 401 invalid_client")
	void tlsClientAuthAtParWhenWrongCertificateThenInvalidClient(
			Function<FapiTestClient, ClientAuthentication> authentication) throws Exception {
		FapiTestClient partner = tlsPartner();

		HTTPResponse response = push(partner, authentication.apply(partner), new CodeVerifier());

		assertInvalidClient(response);
	}

	@ParameterizedTest
	@MethodSource("refusedTlsCertificates")
	@DisplayName("RFC8705 §2.1: tls_client_auth at the token endpoint refuses a wrong, an expired, a foreign or no certificate with 401 invalid_client, and the code still works with the right one")
	void tlsClientAuthAtTokenWhenWrongCertificateThenInvalidClientAndNothingChanged(
			Function<FapiTestClient, ClientAuthentication> authentication) throws Exception {
		FapiTestClient partner = tlsPartner();
		CodeVerifier verifier = new CodeVerifier();
		String code = authorize(partner, tlsAuth(partner, PARTNER), verifier);
		AuthorizationGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code),
				URI.create(FapiTestClient.REDIRECT_URI), verifier);

		assertInvalidClient(token(partner, authentication.apply(partner), grant));
		HTTPResponse accepted = token(partner, tlsAuth(partner, PARTNER), grant);
		assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(200);
	}

	@Test
	@DisplayName("RFC8705 §3: a refresh over a connection with another certificate of the partner is invalid_grant; with the bound certificate it works and stays bound")
	void refreshWhenAnotherCertificateThenInvalidGrant() throws Exception {
		FapiTestClient partner = tlsPartner();
		Tokens tokens = authorizeAndRedeem(partner, tlsAuth(partner, PARTNER));
		RefreshTokenGrant refresh = new RefreshTokenGrant(tokens.getRefreshToken());

		HTTPResponse refused = token(partner, tlsAuth(partner, PARTNER_NEXT), refresh);
		HTTPResponse refreshed = token(partner, tlsAuth(partner, PARTNER), refresh);

		assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(400);
		assertThat(refused.getBodyAsJSONObject().get("error")).isEqualTo("invalid_grant");
		assertThat(refreshed.getStatusCode()).as(refreshed.getBody()).isEqualTo(200);
		String accessToken = (String) refreshed.getBodyAsJSONObject().get("access_token");
		assertThat(SignedJWT.parse(accessToken).getJWTClaimsSet().getJSONObjectClaim("cnf"))
			.containsExactly(Map.entry("x5t#S256", thumbprint(PARTNER)));
	}

	@Test
	@DisplayName("RFC8705 §2, RFC7009 §2.1: revocation takes the partner's certificate: a wrong one is 401 invalid_client and the token lives on; the right one revokes it")
	void revocationWhenWrongCertificateThenInvalidClient() throws Exception {
		FapiTestClient partner = tlsPartner();
		Tokens tokens = authorizeAndRedeem(partner, tlsAuth(partner, PARTNER));

		HTTPResponse refused = send(new TokenRevocationRequest(partner.endpoint("/oauth2/revoke"),
				tlsAuth(partner, OTHER_NAME), tokens.getRefreshToken())
			.toHTTPRequest());
		assertInvalidClient(refused);
		assertThat(introspect(tokens.getAccessToken())).containsEntry("active", true);

		HTTPResponse revoked = send(new TokenRevocationRequest(partner.endpoint("/oauth2/revoke"),
				tlsAuth(partner, PARTNER), tokens.getRefreshToken())
			.toHTTPRequest());
		assertThat(revoked.getStatusCode()).as(revoked.getBody()).isEqualTo(200);
		assertThat(introspect(tokens.getAccessToken())).containsEntry("active", false);
	}

	@Test
	@DisplayName("RFC8705 §2, RFC7662 §2.1: introspection refuses a partner whose certificate is not its registered one with 401 invalid_client")
	void introspectionWhenWrongCertificateThenInvalidClient() {
		FapiTestClient partner = tlsPartner();

		HTTPResponse response = send(
				new TokenIntrospectionRequest(partner.endpoint("/oauth2/introspect"), tlsAuth(partner, PARTNER_EXPIRED),
						new com.nimbusds.oauth2.sdk.token.BearerAccessToken("x"))
					.toHTTPRequest());

		assertInvalidClient(response);
	}

	@Test
	@DisplayName("RFC8705 §2.2, §3.1: a self_signed_tls_client_auth partner authenticates at PAR and token with the certificate of its registered JWKS; the token is bound to it")
	void selfSignedWhenRegisteredCertificateThenBoundTokens() throws Exception {
		FapiTestClient partner = selfSignedPartner();
		Tokens tokens = authorizeAndRedeem(partner, selfSignedAuth(partner, SELF_SIGNED));

		assertThat(SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet().getJSONObjectClaim("cnf"))
			.containsExactly(Map.entry("x5t#S256", thumbprint(SELF_SIGNED)));
	}

	static Stream<Arguments> refusedSelfSignedCertificates() {
		return Stream.of(
				argumentSet("fails because the certificate is not the registered one (RFC8705 §2.2)",
						(Function<FapiTestClient, ClientAuthentication>) (client) -> selfSignedAuth(client,
								SELF_SIGNED_UNREGISTERED)),
				argumentSet("fails because the registered certificate has expired (FAPI2 SP §5.3.2.1(6))",
						(Function<FapiTestClient, ClientAuthentication>) (client) -> selfSignedAuth(client,
								SELF_SIGNED_EXPIRED)),
				argumentSet("fails because the connection has no certificate (RFC8705 §2)",
						(Function<FapiTestClient, ClientAuthentication>) (client) -> null));
	}

	@ParameterizedTest
	@MethodSource("refusedSelfSignedCertificates")
	@DisplayName("RFC8705 §2.2: self_signed_tls_client_auth at PAR and token refuses an unregistered, an expired or no certificate with 401 invalid_client")
	void selfSignedWhenWrongCertificateThenInvalidClient(Function<FapiTestClient, ClientAuthentication> authentication)
			throws Exception {
		FapiTestClient partner = selfSignedPartner();
		CodeVerifier verifier = new CodeVerifier();
		String code = authorize(partner, selfSignedAuth(partner, SELF_SIGNED), verifier);

		assertInvalidClient(push(partner, authentication.apply(partner), new CodeVerifier()));
		assertInvalidClient(token(partner, authentication.apply(partner), new AuthorizationCodeGrant(
				new AuthorizationCode(code), URI.create(FapiTestClient.REDIRECT_URI), verifier)));
	}

	@Test
	@DisplayName("RFC8705 §2: a private_key_jwt partner is not authenticated by a certificate, and a tls_client_auth partner not by an assertion")
	void methodsWhenNotRegisteredThenInvalidClient() throws Exception {
		FapiTestClient assertionPartner = FapiTestClient.register(ISSUER, TestDirectory.shared());
		FapiTestClient partner = tlsPartner();
		FapiTestClient tlsPartnerSigning = FapiTestClient.existing(ISSUER, partner.clientId.getValue(),
				partner.clientKey);

		assertInvalidClient(push(assertionPartner, tlsAuth(assertionPartner, PARTNER), new CodeVerifier()));
		assertInvalidClient(push(tlsPartnerSigning, tlsPartnerSigning.clientAuthentication(), new CodeVerifier()));
	}

	private static FapiTestClient tlsPartner() {
		if (tlsPartner == null) {
			ECKey clientKey = FapiTestClient.newKey("client");
			Map<String, Object> metadata = mtlsMetadata("tls_client_auth", clientKey);
			metadata.put("tls_client_auth_san_dns", PARTNER_NAME);
			tlsPartner = FapiTestClient.register(ISSUER, ISSUER, clientKey, TestDirectory.shared().sign(metadata));
		}
		return tlsPartner;
	}

	private static FapiTestClient selfSignedPartner() {
		if (selfSignedPartner == null) {
			ECKey clientKey = FapiTestClient.newKey("client");
			selfSignedPartner = FapiTestClient.register(ISSUER, ISSUER, clientKey,
					TestDirectory.shared().sign(mtlsMetadata("self_signed_tls_client_auth", clientKey)));
		}
		return selfSignedPartner;
	}

	/**
	 * The standard statement metadata for an mTLS method; for self-signed clients the
	 * valid and the expired certificate are registered as keys with x5c.
	 */
	private static Map<String, Object> mtlsMetadata(String method, ECKey clientKey) {
		Map<String, Object> metadata = new HashMap<>(FapiTestClient.statementMetadata(clientKey));
		metadata.put("token_endpoint_auth_method", method);
		metadata.put("tls_client_certificate_bound_access_tokens", true);
		if ("self_signed_tls_client_auth".equals(method)) {
			List<Object> keys = new ArrayList<>();
			keys.add(clientKey.toPublicJWK().toJSONObject());
			keys.add(certificateKey(SELF_SIGNED).toJSONObject());
			keys.add(certificateKey(SELF_SIGNED_EXPIRED).toJSONObject());
			metadata.put("jwks", Map.of("keys", keys));
		}
		return metadata;
	}

	private static JWK certificateKey(Issued certificate) {
		try {
			return new ECKey.Builder(ECKey.parse(certificate.certificate()))
				.keyID("certificate-" + certificate.certificate().getSerialNumber())
				.build()
				.toPublicJWK();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ClientAuthentication tlsAuth(FapiTestClient client, Issued certificate) {
		return new PKITLSClientAuthentication(client.clientId,
				certificate.clientSocketFactory(SERVER_AUTHORITY.certificate()));
	}

	private static ClientAuthentication selfSignedAuth(FapiTestClient client, Issued certificate) {
		return new SelfSignedTLSClientAuthentication(client.clientId,
				certificate.clientSocketFactory(SERVER_AUTHORITY.certificate()));
	}

	private static HTTPResponse push(FapiTestClient client, ClientAuthentication authentication,
			CodeVerifier verifier) {
		AuthorizationRequest request = client.authorizationRequest(verifier).build();
		PushedAuthorizationRequest par = (authentication != null)
				? new PushedAuthorizationRequest(client.endpoint("/oauth2/par"), authentication, request)
				: new PushedAuthorizationRequest(client.endpoint("/oauth2/par"), request);
		return send(par.toHTTPRequest());
	}

	private static HTTPResponse token(FapiTestClient client, ClientAuthentication authentication,
			AuthorizationGrant grant) {
		HTTPRequest request = (authentication != null)
				? new TokenRequest(client.endpoint("/oauth2/token"), authentication, grant).toHTTPRequest()
				: new TokenRequest(client.endpoint("/oauth2/token"), client.clientId, grant).toHTTPRequest();
		return send(request);
	}

	private static String authorize(FapiTestClient client, ClientAuthentication authentication, CodeVerifier verifier)
			throws Exception {
		HTTPResponse pushed = push(client, authentication, verifier);
		assertThat(pushed.getStatusCode()).as(pushed.getBody()).isEqualTo(201);
		String requestUri = (String) pushed.getBodyAsJSONObject().get("request_uri");
		URI authorizationUrl = new AuthorizationRequest.Builder(URI.create(requestUri), client.clientId)
			.endpointURI(client.endpoint("/oauth2/authorize"))
			.build()
			.toURI();
		HttpResponse<String> done = new CustomerSession(client.endpoint("/")).authorize(authorizationUrl, "alice",
				"alice-demo-pass", List.of("acc-alice-chk-01"), "approve");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
		String response = UriComponentsBuilder.fromUri(URI.create(done.headers().firstValue("Location").orElseThrow()))
			.build()
			.getQueryParams()
			.getFirst("response");
		JWKSet serverKeys = JWKSet.load(ISSUER.resolve("/oauth2/jwks").toURL());
		JWTClaimsSet jarm = new JARMValidator(new Issuer(ISSUER), client.clientId, JWSAlgorithm.ES256, serverKeys)
			.validate(response);
		return (String) jarm.getClaim("code");
	}

	private static Tokens authorizeAndRedeem(FapiTestClient client, ClientAuthentication authentication)
			throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		String code = authorize(client, authentication, verifier);
		HTTPResponse response = token(client, authentication, new AuthorizationCodeGrant(new AuthorizationCode(code),
				URI.create(FapiTestClient.REDIRECT_URI), verifier));
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
		return FapiTestClient.parseToken(response).toSuccessResponse().getTokens();
	}

	private static Map<String, Object> introspect(AccessToken token) {
		FapiTestClient gateway = FapiTestClient.existing(ISSUER, GATEWAY_CLIENT_ID, GATEWAY_KEY);
		HTTPResponse response = send(new TokenIntrospectionRequest(gateway.endpoint("/oauth2/introspect"),
				gateway.clientAuthentication(), token)
			.toHTTPRequest());
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
		try {
			return response.getBodyAsJSONObject();
		}
		catch (com.nimbusds.oauth2.sdk.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HTTPResponse send(HTTPRequest request) {
		try {
			return request.send();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void assertInvalidClient(HTTPResponse response) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(401);
		assertThat(response.getBody()).contains("\"invalid_client\"");
	}

	private static Issued partnerCertificate(Issued authority, String dnsName, Instant notAfter) {
		return TestCertificates.issued(authority, "CN=" + dnsName + ",O=Fintech",
				new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)), NOW.minus(Duration.ofDays(3)),
				notAfter, KeyPurposeId.id_kp_clientAuth);
	}

	private static String thumbprint(Issued certificate) throws Exception {
		return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded()))
			.toString();
	}

}
