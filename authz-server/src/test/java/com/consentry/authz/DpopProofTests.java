package com.consentry.authz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DPoP proofs at the PAR and token endpoints (RFC 9449 §4.3, §8, §10), sent raw so each
 * check is hit alone.
 */
class DpopProofTests extends AuthorizationServerTest {

	FapiTestClient partner;

	URI par;

	@BeforeEach
	void setUp() {
		this.partner = newPartner();
		this.par = this.partner.endpoint("/oauth2/par");
		// one ordinary push, to hold a current server nonce
		assertThat(this.partner.push(this.partner.authorizationRequest(new CodeVerifier()).build()).getStatusCode())
			.isEqualTo(201);
	}

	@Test
	@DisplayName("RFC9449 §4.3(9): refuses a proof whose htu is another URL")
	void wrongHtuIsRefused() throws Exception {
		SignedJWT proof = this.partner.proofFactory()
			.createDPoPJWT("POST", this.partner.endpoint("/oauth2/token"), new Nonce(this.partner.nonce()));
		assertRefused(pushWith(proof), "invalid_dpop_proof");
	}

	@Test
	@DisplayName("RFC9449 §4.3(8): refuses a proof whose htm is another method")
	void wrongHtmIsRefused() throws Exception {
		SignedJWT proof = this.partner.proofFactory().createDPoPJWT("GET", this.par, new Nonce(this.partner.nonce()));
		assertRefused(pushWith(proof), "invalid_dpop_proof");
	}

	@Test
	@DisplayName("RFC9449 §4.3(11): refuses a proof whose iat is stale")
	void staleIatIsRefused() throws Exception {
		SignedJWT proof = this.partner.proofFactory()
			.createDPoPJWT(new JWTID(), "POST", this.par, new Date(System.currentTimeMillis() - 300_000), null,
					new Nonce(this.partner.nonce()));
		assertRefused(pushWith(proof), "invalid_dpop_proof");
	}

	@Test
	@DisplayName("RFC9449 §4.3(11), FAPI2 SP §5.3.2.1(13): refuses a proof issued more than 10 s in the future")
	void futureIatIsRefused() throws Exception {
		SignedJWT proof = this.partner.proofFactory()
			.createDPoPJWT(new JWTID(), "POST", this.par, new Date(System.currentTimeMillis() + 70_000), null,
					new Nonce(this.partner.nonce()));
		assertRefused(pushWith(proof), "invalid_dpop_proof");
	}

	@Test
	@DisplayName("RFC9449 §11.1: refuses a replayed proof jti")
	void replayedJtiIsRefused() throws Exception {
		SignedJWT proof = this.partner.proofFactory().createDPoPJWT("POST", this.par, new Nonce(this.partner.nonce()));
		assertThat(pushWith(proof).getStatusCode()).isEqualTo(201);
		assertRefused(pushWith(proof), "invalid_dpop_proof");
	}

	@Test
	@DisplayName("RFC9449 §8: a proof without the server nonce gets use_dpop_nonce and a DPoP-Nonce header")
	void missingNonceIsChallenged() throws Exception {
		SignedJWT proof = this.partner.proofFactory().createDPoPJWT("POST", this.par);
		HTTPResponse response = pushWith(proof);
		assertRefused(response, "use_dpop_nonce");
		assertThat(response.getHeaderValue("DPoP-Nonce")).isNotBlank();
	}

	@Test
	@DisplayName("RFC9449 §8: a nonce the server never issued gets use_dpop_nonce")
	void unknownNonceIsChallenged() throws Exception {
		SignedJWT proof = this.partner.proofFactory().createDPoPJWT("POST", this.par, new Nonce("bm90LWEtbm9uY2U"));
		assertRefused(pushWith(proof), "use_dpop_nonce");
	}

	@Test
	@DisplayName("RFC9449 §4.3(4): refuses a proof whose typ is not dpop+jwt")
	void wrongTypIsRefused() throws Exception {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
			.jwk(this.partner.dpopKey.toPublicJWK())
			.build();
		SignedJWT proof = new SignedJWT(header,
				new JWTClaimsSet.Builder().jwtID("x-" + System.nanoTime())
					.claim("htm", "POST")
					.claim("htu", this.par.toString())
					.claim("nonce", this.partner.nonce())
					.issueTime(new Date())
					.build());
		proof.sign(new ECDSASigner(this.partner.dpopKey));
		assertRefused(pushWith(proof), "invalid_dpop_proof");
	}

	@Test
	@DisplayName("RFC9449 §10.1: dpop_jkt that differs from the PAR proof's key is refused")
	void dpopJktMismatchIsRefused() throws Exception {
		SignedJWT proof = this.partner.proofFactory().createDPoPJWT("POST", this.par, new Nonce(this.partner.nonce()));
		HTTPRequest request = new PushedAuthorizationRequest(this.par, this.partner.clientAuthentication(),
				this.partner.authorizationRequest(new CodeVerifier())
					.customParameter("dpop_jkt", FapiTestClient.newKey("other").computeThumbprint().toString())
					.build())
			.toHTTPRequest();
		request.setDPoP(proof);
		assertRefused(request.send(), "invalid_dpop_proof");
	}

	@Test
	@DisplayName("FAPI2 SP §5.3.2.1(12): a pushed request with neither DPoP proof nor dpop_jkt is refused")
	void unboundRequestIsRefused() throws Exception {
		HTTPRequest request = new PushedAuthorizationRequest(this.par, this.partner.clientAuthentication(),
				this.partner.authorizationRequest(new CodeVerifier()).build())
			.toHTTPRequest();
		assertRefused(request.send(), "invalid_request");
	}

	@Test
	@DisplayName("RFC9449 §10: a token request whose proof key is not the dpop_jkt bound at PAR is refused")
	void tokenRequestWithOtherKeyIsRefused() {
		CodeVerifier verifier = new CodeVerifier();
		String code = authorizationCode(this.partner, verifier);
		FapiTestClient otherKey = FapiTestClient.existing(ISSUER, this.partner.clientId.getValue(),
				this.partner.clientKey);
		HTTPResponse response = otherKey.redeem(code, verifier);
		assertRefused(response, "invalid_grant");
	}

	@Test
	@DisplayName("RFC9449 §10.1: dpop_jkt alone at PAR binds the code to that key")
	void dpopJktAloneBindsTheCode() throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		HTTPResponse pushed = this.partner
			.send(() -> new PushedAuthorizationRequest(this.par, this.partner.clientAuthentication(),
					this.partner.authorizationRequest(verifier)
						.customParameter("dpop_jkt", thumbprint(this.partner))
						.build())
				.toHTTPRequest());
		assertThat(pushed.getStatusCode()).as(pushed.getBody()).isEqualTo(201);
	}

	@Test
	@DisplayName("RFC9449 §4.3(1): refuses a request with two DPoP headers")
	void twoProofHeadersAreRefused() throws Exception {
		Nonce nonce = new Nonce(this.partner.nonce());
		HTTPRequest request = new PushedAuthorizationRequest(this.par, this.partner.clientAuthentication(),
				this.partner.authorizationRequest(new CodeVerifier()).build())
			.toHTTPRequest();
		request.setHeader("DPoP", this.partner.proofFactory().createDPoPJWT("POST", this.par, nonce).serialize(),
				this.partner.proofFactory().createDPoPJWT("POST", this.par, nonce).serialize());
		HTTPResponse response = request.send();
		assertRefused(response, "invalid_dpop_proof");
		assertThat(response.getBody()).contains("exactly one DPoP header");
	}

	@Test
	@DisplayName("RFC9449 §4.3(6), §11.6: refuses a proof whose jwk header carries the private key")
	void privateKeyInProofIsRefused() throws Exception {
		Map<String, Object> header = Map.of("typ", "dpop+jwt", "alg", "ES256", "jwk",
				this.partner.dpopKey.toJSONObject());
		Map<String, Object> claims = Map.of("jti", "private-" + System.nanoTime(), "htm", "POST", "htu",
				this.par.toString(), "iat", System.currentTimeMillis() / 1000, "nonce", this.partner.nonce());
		String signingInput = Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "."
				+ Base64URL.encode(JSONObjectUtils.toJSONString(claims));
		Base64URL signature = new ECDSASigner(this.partner.dpopKey).sign(new JWSHeader(JWSAlgorithm.ES256),
				signingInput.getBytes(StandardCharsets.US_ASCII));
		HTTPRequest request = new PushedAuthorizationRequest(this.par, this.partner.clientAuthentication(),
				this.partner.authorizationRequest(new CodeVerifier()).build())
			.toHTTPRequest();
		request.setHeader("DPoP", signingInput + "." + signature);
		// Nimbus already refuses such a header when parsing; the verifier's own check
		// stands behind it
		assertRefused(request.send(), "invalid_dpop_proof");
	}

	private static String thumbprint(FapiTestClient client) {
		try {
			return client.dpopKey.computeThumbprint().toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HTTPResponse pushWith(SignedJWT proof) throws Exception {
		HTTPRequest request = new PushedAuthorizationRequest(this.par, this.partner.clientAuthentication(),
				this.partner.authorizationRequest(new CodeVerifier()).build())
			.toHTTPRequest();
		request.setDPoP(proof);
		return request.send();
	}

	private static void assertRefused(HTTPResponse response, String error) {
		PushedAuthorizationRequestTests.assertError(response, error);
	}

}
