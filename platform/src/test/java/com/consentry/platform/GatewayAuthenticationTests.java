package com.consentry.platform;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.consentry.platform.support.Partner;
import com.consentry.platform.support.RunningPlatform;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway accepts a request only with a DPoP-bound access token of the issuer and a
 * proof made for exactly this request by the key the token is bound to (FAPI 2.0 SP
 * §5.3.4, RFC 9449 §7): every other combination is a 401 {@code 603}.
 */
@Tag("integration")
class GatewayAuthenticationTests {

	private static final String PATH = "/fdx/v6/accounts/acc-alice-chk-01";

	private static RunningPlatform platform;

	private static Partner partner;

	private static Tokens tokens;

	@BeforeAll
	static void consent() {
		platform = RunningPlatform.get();
		partner = Partner.register(platform);
		tokens = partner.consent("alice", List.of("acc-alice-chk-01"), Partner.accountDetails("ACCOUNT_DETAILED"));
		assertThat(partner.get(0, PATH, tokens.accessToken()).statusCode()).isEqualTo(200);
	}

	@Test
	@DisplayName("RFC 9449 7.2: a DPoP-bound token presented as a Bearer token is refused")
	void bearerScheme() {
		refused(request(0).header("Authorization", "Bearer " + tokens.accessToken().getValue())
			.header("DPoP", proof("GET", PATH)));
	}

	@Test
	@DisplayName("RFC 9449 7.1: a token without a proof is refused")
	void missingProof() {
		refused(request(0).header("Authorization", "DPoP " + tokens.accessToken().getValue()));
	}

	@Test
	@DisplayName("RFC 9449 4.3(12): a proof whose ath is another token's hash is refused")
	void wrongAth() {
		Tokens other = partner.consent("alice", List.of("acc-alice-chk-01"),
				Partner.accountDetails("ACCOUNT_DETAILED"));
		String proof = partner.proof("GET", Partner.publicUrl(PATH), other.accessToken()).serialize();
		assertRefused(partner.get(0, PATH, tokens.accessToken(), proof));
	}

	@Test
	@DisplayName("RFC 9449 4.3(9): a proof for another URL is refused")
	void wrongHtu() {
		String proof = partner
			.proof("GET", Partner.publicUrl("/fdx/v6/accounts/acc-alice-sav-02"), tokens.accessToken())
			.serialize();
		assertRefused(partner.get(0, PATH, tokens.accessToken(), proof));
	}

	@Test
	@DisplayName("RFC 9449 4.3(8): a proof for another method is refused")
	void wrongHtm() {
		String proof = partner.proof("POST", Partner.publicUrl(PATH), tokens.accessToken()).serialize();
		assertRefused(partner.get(0, PATH, tokens.accessToken(), proof));
	}

	@Test
	@DisplayName("RFC 9449 7.1: a proof signed by a key other than the token's cnf.jkt is refused")
	void otherKey() throws Exception {
		ECKey stranger = FapiTestClient.newKey("stranger");
		String proof = new DefaultDPoPProofFactory(stranger, JWSAlgorithm.ES256)
			.createDPoPJWT("GET", Partner.publicUrl(PATH), tokens.accessToken())
			.serialize();
		assertRefused(partner.get(0, PATH, tokens.accessToken(), proof));
	}

	@Test
	@DisplayName("RFC 9449 11.1: a proof used once is refused the second time, on the same instance and on "
			+ "another one")
	void replayedProof() {
		String proof = partner.proof("GET", Partner.publicUrl(PATH), tokens.accessToken()).serialize();
		assertThat(partner.get(0, PATH, tokens.accessToken(), proof).statusCode()).isEqualTo(200);
		assertRefused(partner.get(0, PATH, tokens.accessToken(), proof));
		String another = partner.proof("GET", Partner.publicUrl(PATH), tokens.accessToken()).serialize();
		assertThat(partner.get(1, PATH, tokens.accessToken(), another).statusCode()).isEqualTo(200);
		assertRefused(partner.get(0, PATH, tokens.accessToken(), another));
	}

	@Test
	@DisplayName("FAPI2 SP 5.3.4(3): a token signed by another issuer's key is refused")
	void anotherIssuer() throws Exception {
		ECKey foreign = FapiTestClient.newKey("foreign");
		SignedJWT token = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
					.keyID(foreign.getKeyID())
					.build(),
				new JWTClaimsSet.Builder().issuer("https://evil.example")
					.audience(RunningPlatform.AUDIENCE)
					.expirationTime(Date.from(Instant.now().plusSeconds(300)))
					.claim("client_id", partner.client.clientId.getValue())
					.claim("fdxConsentId", tokens.consentId())
					.claim("cnf", Map.of("jkt", partner.client.dpopKey.computeThumbprint().toString()))
					.build());
		token.sign(new ECDSASigner(foreign));
		assertRefused(partner.get(0, PATH, new DPoPAccessToken(token.serialize())));
	}

	@Test
	@DisplayName("RFC 6750 2.3: a token in the query string is refused")
	void tokenInQuery() {
		assertRefused(partner.get(0, PATH + "?access_token=" + tokens.accessToken().getValue(), tokens.accessToken()));
	}

	@Test
	@DisplayName("FDX 3.3: a path that could be read two ways is 400, an unknown path 404, another method 405, "
			+ "each an FDX error with the interaction id, and none reaches the core")
	void oddRequests() {
		for (String path : List.of("/fdx/v6/accounts/acc-alice-chk-01%2F..%2Facc-bob-chk-01",
				"/fdx/v6/accounts/acc-alice-chk-01/../acc-bob-chk-01", "/fdx/v6/accounts;x=1/acc-alice-chk-01")) {
			HttpResponse<String> response = Partner.send(HttpRequest.newBuilder(URI.create(platform.gateway(0) + path))
				.header("Authorization", "DPoP " + tokens.accessToken().getValue())
				.header("DPoP", proof("GET", "/fdx/v6/accounts/acc-alice-chk-01"))
				.GET()
				.build());
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).contains("\"code\":\"401\"");
			assertThat(response.headers().firstValue("x-fapi-interaction-id")).isPresent();
		}
		HttpResponse<String> unknown = partner.get(1, "/fdx/v6/nothing-here", tokens.accessToken());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("\"code\":\"1107\"");
		HttpResponse<String> post = Partner
			.send(request(0).header("Authorization", "DPoP " + tokens.accessToken().getValue())
				.header("DPoP", proof("POST", PATH))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build());
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(post.body()).contains("\"code\":\"1206\"");
	}

	private static HttpRequest.Builder request(int instance) {
		return HttpRequest.newBuilder(platform.gateway(instance).resolve(URI.create(PATH))).GET();
	}

	private static String proof(String method, String path) {
		return partner.proof(method, Partner.publicUrl(path), tokens.accessToken()).serialize();
	}

	private static void refused(HttpRequest.Builder request) {
		assertRefused(Partner.send(request.build()));
	}

	private static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.body()).contains("\"code\":\"603\"");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("DPoP "));
		assertThat(response.headers().firstValue("x-fapi-interaction-id")).isPresent();
	}

}
