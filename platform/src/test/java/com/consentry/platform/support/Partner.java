package com.consentry.platform.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.consentry.authz.support.Tokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.jarm.JARMValidator;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A fintech partner of the platform, driven by Nimbus oauth2-oidc-sdk (an independent
 * client library): registers with a directory statement, obtains consents from customers
 * (PAR, sign-in and approval on the consent page, token request) and calls the gateway
 * with its DPoP-bound token and a fresh proof per request.
 */
public final class Partner {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	public final FapiTestClient client;

	private final RunningPlatform platform;

	private Partner(RunningPlatform platform, FapiTestClient client) {
		this.platform = platform;
		this.client = client;
	}

	/**
	 * A partner of an organisation of its own, so what a test does to one touches no
	 * other.
	 */
	public static Partner register(RunningPlatform platform) {
		String organisation = "org-" + java.util.UUID.randomUUID();
		return new Partner(platform, FapiTestClient.register(platform.issuer(), TestDirectory.shared(),
				Map.of("org_id", organisation, "org_name", "Fintech " + organisation)));
	}

	public String clientId() {
		return this.client.clientId.getValue();
	}

	/**
	 * The URL partners use for {@code pathAndQuery}: what a proof's {@code htu} names.
	 */
	public static URI publicUrl(String pathAndQuery) {
		int query = pathAndQuery.indexOf('?');
		String path = (query < 0) ? pathAndQuery : pathAndQuery.substring(0, query);
		return URI.create(RunningPlatform.PUBLIC_BASE_URL + path);
	}

	/**
	 * Sends a request to gateway instance {@code instance} with token and proof; when the
	 * server behind asks for a DPoP nonce (RFC 9449 §8), sends it once more with it.
	 */
	public HttpResponse<String> send(int instance, String method, String path, AccessToken token, String body) {
		HttpResponse<String> response = send(instance, method, path, token, body, null);
		String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
		String nonce = response.headers().firstValue("DPoP-Nonce").orElse(null);
		if (response.statusCode() == 401 && challenge.contains("use_dpop_nonce") && nonce != null) {
			response = send(instance, method, path, token, body, nonce);
		}
		return response;
	}

	private HttpResponse<String> send(int instance, String method, String path, AccessToken token, String body,
			String nonce) {
		SignedJWT proof;
		try {
			proof = new DefaultDPoPProofFactory(this.client.dpopKey, JWSAlgorithm.ES256).createDPoPJWT(method,
					publicUrl(path), token, (nonce != null) ? new Nonce(nonce) : null);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return send(HttpRequest.newBuilder(this.platform.gateway(instance).resolve(path))
			.header("Authorization", "DPoP " + token.getValue())
			.header("DPoP", proof.serialize())
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * A consent granted by {@code username} over {@code accountIds}, for the FDX
	 * {@code details} asked.
	 */
	public Tokens consent(String username, List<String> accountIds, String details) {
		CodeVerifier verifier = new CodeVerifier();
		AuthorizationRequest request = this.client.authorizationRequest(verifier)
			.customParameter("authorization_details", details)
			.build();
		HTTPResponse pushed = this.client.push(request);
		if (pushed.getStatusCode() != 201) {
			throw new IllegalStateException("PAR refused: " + pushed.getBody());
		}
		String requestUri;
		try {
			requestUri = ((PushedAuthorizationSuccessResponse) PushedAuthorizationResponse.parse(pushed))
				.getRequestURI()
				.toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		URI authorizationUrl = new AuthorizationRequest.Builder(URI.create(requestUri), this.client.clientId)
			.endpointURI(this.client.endpoint("/oauth2/authorize"))
			.build()
			.toURI();
		CustomerSession customer = new CustomerSession(this.client.endpoint("/"));
		HttpResponse<String> done = customer.authorize(authorizationUrl, username, username + "-demo-pass", accountIds,
				"approve");
		URI redirect = URI.create(done.headers().firstValue("Location").orElseThrow());
		String response = UriComponentsBuilder.fromUri(redirect).build().getQueryParams().getFirst("response");
		try {
			JWKSet serverKeys = JWKSet.load(this.client.issuer.resolve("/oauth2/jwks").toURL());
			JWTClaimsSet claims = new JARMValidator(new Issuer(this.client.issuer), this.client.clientId,
					JWSAlgorithm.ES256, serverKeys)
				.validate(response);
			return Tokens.fromResponse(this.client.redeem((String) claims.getClaim("code"), verifier));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An FDX details value for one ACCOUNT resource with these clusters. */
	public static String accountDetails(String... clusters) {
		return details(Map.of("ACCOUNT", List.of(clusters)));
	}

	/** FDX details: resource type to clusters. */
	public static String details(Map<String, List<String>> resources) {
		StringBuilder json = new StringBuilder("[{\"type\":\"fdx_v1.0\",\"consentRequest\":{\"durationType\":"
				+ "\"TIME_BOUND\",\"durationPeriod\":30,\"lookbackPeriod\":90,\"resources\":[");
		String separator = "";
		for (Map.Entry<String, List<String>> resource : resources.entrySet()) {
			json.append(separator)
				.append("{\"resourceType\":\"")
				.append(resource.getKey())
				.append("\",\"dataClusters\":[\"")
				.append(String.join("\",\"", resource.getValue()))
				.append("\"]}");
			separator = ",";
		}
		return json.append("]}}]").toString();
	}

	/**
	 * GET {@code pathAndQuery} at gateway instance {@code instance}, with the token and a
	 * fresh proof naming the gateway's public URL.
	 */
	public HttpResponse<String> get(int instance, String pathAndQuery, AccessToken token) {
		return get(instance, pathAndQuery, token, proof("GET", publicUrl(pathAndQuery), token).serialize());
	}

	/** GET with the given proof (tests of proof rules). */
	public HttpResponse<String> get(int instance, String pathAndQuery, AccessToken token, String proof) {
		return send(HttpRequest.newBuilder(this.platform.gateway(instance).resolve(pathAndQuery))
			.header("Authorization", "DPoP " + token.getValue())
			.header("DPoP", proof)
			.GET()
			.build());
	}

	/**
	 * A proof with the partner's DPoP key for a gateway request (the gateway gives no
	 * nonces unless configured to, and the authorization server's are not the gateway's).
	 */
	public SignedJWT proof(String method, URI url, AccessToken token) {
		try {
			return new DefaultDPoPProofFactory(this.client.dpopKey, JWSAlgorithm.ES256).createDPoPJWT(method, url,
					token);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
