package com.consentry.benchmarks;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.jarm.JARMValidator;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;

/**
 * One complete FAPI 2.0 authorization flow, as a partner and a customer's browser drive
 * it: PAR (with {@code private_key_jwt}, PKCE S256, {@code response_mode=jwt}, FDX
 * {@code authorization_details} and a DPoP proof), the authorization endpoint, sign-in,
 * consent, the JARM response (validated with Nimbus against the server's JWKS, every
 * flow) and the code exchange with DPoP. Used by one thread only.
 *
 * @see <a href="https://openid.net/specs/fapi-security-profile-2_0-final.html">FAPI 2.0
 * Security Profile</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9126">RFC 9126 PAR</a>
 */
final class AuthorizationFlow {

	static final String FDX_DETAILS = """
			[{"type":"fdx_v1.0","consentRequest":{"durationType":"TIME_BOUND","durationPeriod":30,\
			"lookbackPeriod":90,"resources":[{"resourceType":"ACCOUNT",\
			"dataClusters":["ACCOUNT_DETAILED","TRANSACTIONS"]}]}}]""";

	static final String USERNAME = "alice";

	static final String PASSWORD = "alice-demo-pass";

	static final String ACCOUNT_ID = "acc-alice-chk-01";

	private static final String LOGIN_PATH = "/login";

	private static final String CONSENT_PATH = "/oauth2/consent";

	private final Partner partner;

	private final DpopSession dpop;

	private final CustomerBrowser browser;

	private final JARMValidator jarm;

	/**
	 * @param serverKeys the server's JWKS, fetched once per run, that JARM responses must
	 * be signed with
	 */
	AuthorizationFlow(Partner partner, DpopSession dpop, CustomerBrowser browser, JWKSet serverKeys) {
		this.partner = partner;
		this.dpop = dpop;
		this.browser = browser;
		this.jarm = new JARMValidator(new Issuer(partner.issuer()), partner.clientId(), JWSAlgorithm.ES256, serverKeys);
	}

	/**
	 * Runs the flow; returns the tokens of a 200 DPoP token response, else fails with
	 * what went wrong.
	 */
	Tokens run(StepTimer steps) throws OperationFailed {
		CodeVerifier verifier = new CodeVerifier();
		State state = new State();
		URI requestUri = push(verifier, state);
		steps.mark("par");

		this.browser.newSession();
		URI authorizationUrl = new AuthorizationRequest.Builder(requestUri, this.partner.clientId())
			.endpointURI(this.partner.endpoint("/oauth2/authorize"))
			.build()
			.toURI();
		HttpResponse<String> login = this.browser.get("authorize", authorizationUrl);
		expectPage("authorize", login, LOGIN_PATH);
		steps.mark("authorize");

		List<Map.Entry<String, String>> credentials = new ArrayList<>(CustomerBrowser.hiddenFields(login.body()));
		credentials.add(Map.entry("username", USERNAME));
		credentials.add(Map.entry("password", PASSWORD));
		HttpResponse<String> consent = this.browser.post("login", LOGIN_PATH, credentials);
		expectPage("login", consent, CONSENT_PATH);
		steps.mark("login");

		List<Map.Entry<String, String>> decision = new ArrayList<>(CustomerBrowser.hiddenFields(consent.body()));
		decision.add(Map.entry("accountIds", ACCOUNT_ID));
		decision.add(Map.entry("decision", "approve"));
		HttpResponse<String> done = this.browser.post("consent", "/oauth2/authorize", decision);
		URI redirect = partnerRedirect(done);
		steps.mark("consent");

		String code = codeFromJarm(redirect, state);
		steps.mark("jarm");

		HTTPResponse tokenResponse = this.dpop.send("token",
				() -> new TokenRequest(this.partner.endpoint("/oauth2/token"), this.partner.clientAuthentication(),
						new AuthorizationCodeGrant(new AuthorizationCode(code), Partner.REDIRECT_URI, verifier))
					.toHTTPRequest());
		Tokens tokens = Tokens.from("token", tokenResponse);
		steps.mark("token");
		return tokens;
	}

	private URI push(CodeVerifier verifier, State state) throws OperationFailed {
		AuthorizationRequest request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
				this.partner.clientId())
			.redirectionURI(Partner.REDIRECT_URI)
			.scope(new Scope("openid"))
			.state(state)
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.responseMode(ResponseMode.JWT)
			.customParameter("authorization_details", FDX_DETAILS)
			.build();
		HTTPResponse http = this.dpop.send("par",
				() -> new PushedAuthorizationRequest(this.partner.endpoint("/oauth2/par"),
						this.partner.clientAuthentication(), request)
					.toHTTPRequest());
		PushedAuthorizationResponse response;
		try {
			response = PushedAuthorizationResponse.parse(http);
		}
		catch (ParseException ex) {
			throw new OperationFailed("par: " + http.getStatusCode() + " unparsable answer");
		}
		if (!response.indicatesSuccess()) {
			throw new OperationFailed(
					"par: " + http.getStatusCode() + " " + response.toErrorResponse().getErrorObject().getCode());
		}
		return response.toSuccessResponse().getRequestURI();
	}

	private static void expectPage(String step, HttpResponse<String> page, String path) throws OperationFailed {
		if (page.statusCode() != 200 || !path.equals(page.uri().getPath())) {
			throw new OperationFailed(
					step + ": expected 200 " + path + ", got " + page.statusCode() + " " + page.uri().getPath());
		}
	}

	private static URI partnerRedirect(HttpResponse<String> response) throws OperationFailed {
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 303 || !location.startsWith(Partner.REDIRECT_URI + "?")) {
			throw new OperationFailed("consent: expected 303 to the redirect URI, got " + response.statusCode() + " "
					+ response.uri().getPath());
		}
		return URI.create(location);
	}

	private String codeFromJarm(URI redirect, State state) throws OperationFailed {
		Map<String, List<String>> query = URLUtils.parseParameters(redirect.getRawQuery());
		List<String> values = query.get("response");
		String response = (values != null && values.size() == 1) ? values.get(0) : null;
		if (response == null) {
			throw new OperationFailed("jarm: no response parameter");
		}
		JWTClaimsSet claims;
		try {
			claims = this.jarm.validate(response);
		}
		catch (BadJOSEException | JOSEException ex) {
			throw new OperationFailed("jarm: invalid (" + ex.getClass().getSimpleName() + ")");
		}
		Object error = claims.getClaim("error");
		if (error != null) {
			throw new OperationFailed("jarm: error " + error);
		}
		if (!state.getValue().equals(claims.getClaim("state"))) {
			throw new OperationFailed("jarm: state differs");
		}
		Object code = claims.getClaim("code");
		if (!(code instanceof String value) || value.isEmpty()) {
			throw new OperationFailed("jarm: no code");
		}
		return value;
	}

}
