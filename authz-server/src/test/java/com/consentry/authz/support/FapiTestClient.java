package com.consentry.authz.support;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

/**
 * A FAPI 2.0 partner driven by Nimbus oauth2-oidc-sdk, an independent client library:
 * registers with a software statement, pushes requests with PKCE and DPoP, authenticates
 * with {@code private_key_jwt} ({@code aud} = issuer), and follows server DPoP nonces.
 */
public final class FapiTestClient {

	public static final String REDIRECT_URI = "https://partner.test.consentry.example/callback";

	public static final String FDX_DETAILS = """
			[{"type":"fdx_v1.0","consentRequest":{"durationType":"TIME_BOUND","durationPeriod":30,\
			"lookbackPeriod":90,"resources":[{"resourceType":"ACCOUNT",\
			"dataClusters":["ACCOUNT_DETAILED","TRANSACTIONS"]}]}}]""";

	public final URI issuer;

	/** Where requests go: the issuer, or one instance behind it. */
	private final URI instance;

	public final ClientID clientId;

	public final ECKey clientKey;

	public final ECKey dpopKey;

	public final String registrationAccessToken;

	private String nonce;

	private FapiTestClient(URI issuer, ClientID clientId, ECKey clientKey, String registrationAccessToken) {
		this(issuer, issuer, clientId, clientKey, newKey("dpop"), registrationAccessToken);
	}

	private FapiTestClient(URI issuer, URI instance, ClientID clientId, ECKey clientKey, ECKey dpopKey,
			String registrationAccessToken) {
		this.issuer = issuer;
		this.instance = instance;
		this.clientId = clientId;
		this.clientKey = clientKey;
		this.dpopKey = dpopKey;
		this.registrationAccessToken = registrationAccessToken;
	}

	/**
	 * The same client (same keys and nonce) sending to one server instance directly, as a
	 * load balancer would; proofs and assertions still name the public issuer URL.
	 */
	public FapiTestClient via(URI instanceBase) {
		FapiTestClient routed = new FapiTestClient(this.issuer, instanceBase, this.clientId, this.clientKey,
				this.dpopKey, this.registrationAccessToken);
		routed.nonce = this.nonce;
		return routed;
	}

	/** A client already known to the server (e.g. a resource server saved directly). */
	public static FapiTestClient existing(URI issuer, String clientId, ECKey clientKey) {
		return new FapiTestClient(issuer, new ClientID(clientId), clientKey, null);
	}

	/**
	 * Registers a new partner at {@code issuer} with a statement of {@code directory}.
	 */
	public static FapiTestClient register(URI issuer, TestDirectory directory) {
		return register(issuer, directory, Map.of());
	}

	/**
	 * Registers with the standard statement plus {@code extraMetadata} (e.g.
	 * {@code response_modes}).
	 */
	public static FapiTestClient register(URI issuer, TestDirectory directory, Map<String, Object> extraMetadata) {
		return register(issuer, issuer, directory, extraMetadata);
	}

	/**
	 * Registers at one server instance ({@code instance}) of {@code issuer}, with the
	 * standard statement plus {@code extraMetadata}; the client then keeps sending to
	 * that instance.
	 */
	public static FapiTestClient register(URI issuer, URI instance, TestDirectory directory,
			Map<String, Object> extraMetadata) {
		ECKey clientKey = newKey("client");
		Map<String, Object> metadata = new HashMap<>(statementMetadata(clientKey));
		metadata.putAll(extraMetadata);
		return register(issuer, instance, clientKey, directory.sign(metadata));
	}

	/**
	 * Registers with a statement of the test's making, whose keys are
	 * {@code clientKey}'s.
	 */
	public static FapiTestClient register(URI issuer, URI instance, ECKey clientKey, SignedJWT statement) {
		ClientRegistrationResponse response = sendRegistration(instance, statement);
		if (!response.indicatesSuccess()) {
			throw new IllegalStateException("registration failed: " + response.toErrorResponse().getErrorObject());
		}
		var information = response.toSuccessResponse().getClientInformation();
		return new FapiTestClient(issuer, instance, information.getID(), clientKey, newKey("dpop"),
				information.getRegistrationAccessToken().getValue());
	}

	public static Map<String, Object> statementMetadata(ECKey clientKey) {
		return Map.of("client_name", "Test Budget App", "redirect_uris", List.of(REDIRECT_URI), "jwks",
				new JWKSet(clientKey.toPublicJWK()).toJSONObject(), "token_endpoint_auth_method", "private_key_jwt",
				"grant_types", List.of("authorization_code", "refresh_token"), "response_types", List.of("code"),
				"scope", "openid fdx:accountdetailed:read fdx:transactions:read");
	}

	public static ClientRegistrationResponse sendRegistration(URI issuer, SignedJWT statement) {
		ClientMetadata metadata = new ClientMetadata();
		metadata.setName("Body name that the statement overrides");
		ClientRegistrationRequest request = new ClientRegistrationRequest(issuer.resolve("/register"), metadata,
				statement, null);
		try {
			return ClientRegistrationResponse.parse(request.toHTTPRequest().send());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static ECKey newKey(String prefix) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(prefix + "-" + UUID.randomUUID()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public URI endpoint(String path) {
		return this.instance.resolve(path);
	}

	/**
	 * {@code private_key_jwt} with {@code aud} = the issuer identifier, as FAPI 2.0
	 * requires.
	 */
	public ClientAuthentication clientAuthentication() {
		try {
			return new PrivateKeyJWT(this.clientId, this.issuer, JWSAlgorithm.ES256, this.clientKey.toECPrivateKey(),
					this.clientKey.getKeyID(), null);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public DefaultDPoPProofFactory proofFactory() {
		try {
			return new DefaultDPoPProofFactory(this.dpopKey, JWSAlgorithm.ES256);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A DPoP proof with this client's DPoP key and the last nonce the server gave. */
	public SignedJWT proof(String method, URI target, AccessToken accessToken) {
		try {
			DefaultDPoPProofFactory factory = new DefaultDPoPProofFactory(this.dpopKey, JWSAlgorithm.ES256);
			Nonce current = (this.nonce != null) ? new Nonce(this.nonce) : null;
			return (accessToken != null) ? factory.createDPoPJWT(method, target, accessToken, current)
					: factory.createDPoPJWT(method, target, current);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a request built by {@code request} (called again for a retry, so assertions
	 * are fresh), first with the known nonce and, if the server answers
	 * {@code use_dpop_nonce}, once more with the new one.
	 */
	public HTTPResponse send(Supplier<HTTPRequest> request) {
		try {
			HTTPResponse response = request.get().send();
			if (isNonceChallenge(response)) {
				rememberNonce(response);
				response = request.get().send();
			}
			rememberNonce(response);
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Sends with a DPoP proof for the request's own method and URL. */
	public HTTPResponse sendWithProof(Supplier<HTTPRequest> request, AccessToken accessToken) {
		return send(() -> {
			HTTPRequest http = request.get();
			URI htu = this.issuer.resolve(http.getURI().getPath());
			http.setDPoP(proof(http.getMethod().name(), htu, accessToken));
			return http;
		});
	}

	public void rememberNonce(HTTPResponse response) {
		String value = response.getHeaderValue("DPoP-Nonce");
		if (value != null) {
			this.nonce = value;
		}
	}

	public String nonce() {
		return this.nonce;
	}

	private static boolean isNonceChallenge(HTTPResponse response) {
		String body = response.getBody();
		String challenge = response.getHeaderValue("WWW-Authenticate");
		return (body != null && body.contains("use_dpop_nonce"))
				|| (challenge != null && challenge.contains("use_dpop_nonce"));
	}

	/**
	 * The authorization request of the public contract: PKCE S256, JARM, openid, the FDX
	 * details.
	 */
	public AuthorizationRequest.Builder authorizationRequest(CodeVerifier verifier) {
		return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), this.clientId)
			.redirectionURI(URI.create(REDIRECT_URI))
			.scope(new Scope("openid"))
			.state(new com.nimbusds.oauth2.sdk.id.State())
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.responseMode(ResponseMode.JWT)
			.customParameter("authorization_details", FDX_DETAILS)
			.endpointURI(endpoint("/oauth2/authorize"));
	}

	/**
	 * Pushes {@code request} with client authentication and a DPoP proof; returns the raw
	 * answer.
	 */
	public HTTPResponse push(AuthorizationRequest request) {
		return sendWithProof(
				() -> new PushedAuthorizationRequest(endpoint("/oauth2/par"), clientAuthentication(), request)
					.toHTTPRequest(),
				null);
	}

	public HTTPResponse redeem(String code, CodeVerifier verifier) {
		return token(new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(REDIRECT_URI), verifier));
	}

	public HTTPResponse refresh(RefreshToken refreshToken) {
		return token(new RefreshTokenGrant(refreshToken));
	}

	public HTTPResponse token(AuthorizationGrant grant) {
		return sendWithProof(
				() -> new TokenRequest(endpoint("/oauth2/token"), clientAuthentication(), grant).toHTTPRequest(), null);
	}

	public static TokenResponse parseToken(HTTPResponse response) {
		try {
			return OIDCTokenResponseParser.parse(response);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
