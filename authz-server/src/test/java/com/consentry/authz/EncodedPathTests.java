package com.consentry.authz;

import java.net.URI;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our filters see the same path as Spring Security's endpoint matchers: a
 * percent-encoded, doubled or dot-segmented spelling of an endpoint gets that endpoint's
 * DPoP check, or a 400, never a way around it.
 */
class EncodedPathTests extends AuthorizationServerTest {

	FapiTestClient partner;

	Tokens tokens;

	@BeforeEach
	void setUp() {
		this.partner = newPartner();
		this.tokens = Tokens.obtain(this.partner);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/user%69nfo", "/%75serinfo", "/userinf%6F", "//userinfo", "/./userinfo", "/x/../userinfo",
			"/userinfo;x", "/%2Fuserinfo" })
	@DisplayName("Issue 6 (6), RFC9449 §8: userinfo under another spelling with a proof lacking the server nonce is refused, never answered")
	void userinfoUnderAnotherSpellingGetsTheDpopCheck(String path) throws Exception {
		DefaultDPoPProofFactory noNonce = new DefaultDPoPProofFactory(this.partner.dpopKey, JWSAlgorithm.ES256);
		HTTPRequest request = new UserInfoRequest(URI.create(ISSUER + path), this.tokens.accessToken()).toHTTPRequest();
		request.setDPoP(noNonce.createDPoPJWT("GET", ISSUER.resolve("/userinfo"), this.tokens.accessToken()));

		HTTPResponse response = request.send();

		assertThat(response.getStatusCode()).as(response.getHeaderMap() + " " + response.getBody()).isIn(400, 401);
		assertThat(String.valueOf(response.getBody())).doesNotContain("\"sub\"");
		if (response.getStatusCode() == 401) {
			assertThat(response.getHeaderValue("WWW-Authenticate")).contains("use_dpop_nonce");
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(
			strings = { "/oauth2/%74oken", "/oauth2/toke%6E", "/oauth2//token", "/oauth2/./token", "/oauth2%2Ftoken" })
	@DisplayName("Issue 6 (6), RFC9449 §5: the token endpoint under another spelling still requires a DPoP proof; no unbound token is issued")
	void tokenEndpointUnderAnotherSpellingRequiresAProof(String path) throws Exception {
		HTTPResponse response = new TokenRequest(URI.create(ISSUER + path), this.partner.clientAuthentication(),
				new RefreshTokenGrant(this.tokens.refreshToken()))
			.toHTTPRequest()
			.send();

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
		assertThat(response.getBody()).doesNotContain("access_token");
	}

}
