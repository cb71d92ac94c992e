package com.consentry.authz;

import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole positive flow, as a partner's FAPI 2.0 client library drives it.
 */
class FapiFlowTests extends AuthorizationServerTest {

	@Test
	@DisplayName("FAPI2 SP + FDX: register, PAR, consent, JARM, DPoP token, userinfo, refresh")
	void completeFlow() throws Exception {
		FapiTestClient partner = newPartner();
		CodeVerifier verifier = new CodeVerifier();
		String code = authorizationCode(partner, verifier);

		HTTPResponse tokenHttpResponse = partner.redeem(code, verifier);
		Map<String, Object> tokenJson = tokenHttpResponse.getBodyAsJSONObject();
		TokenResponse tokenResponse = FapiTestClient.parseToken(tokenHttpResponse);
		assertThat(tokenResponse.indicatesSuccess()).as(() -> describe(tokenResponse)).isTrue();
		AccessTokenResponse tokens = tokenResponse.toSuccessResponse();
		assertThat(tokens.getTokens().getAccessToken().getType()).isEqualTo(AccessTokenType.DPOP);
		assertThat(tokens.getTokens().getRefreshToken()).isNotNull();
		String consentId = (String) tokenJson.get("grant_id");
		assertThat(consentId).isNotBlank();
		List<?> details = (List<?>) tokenJson.get("authorization_details");
		assertThat(details).hasSize(1);
		Map<?, ?> detail = (Map<?, ?>) details.get(0);
		assertThat(detail.get("type")).isEqualTo("fdx_v1.0");
		assertThat(detail.get("consentId")).isEqualTo(consentId);
		List<?> resources = (List<?>) ((Map<?, ?>) detail.get("consentRequest")).get("resources");
		assertThat(resources.stream().map((r) -> (String) ((Map<?, ?>) r).get("resourceId")).toList())
			.containsExactlyInAnyOrderElementsOf(ALICE_ACCOUNTS);

		SignedJWT accessJwt = SignedJWT.parse(tokens.getTokens().getAccessToken().getValue());
		// RFC 9068 §2.1: typ at+jwt; FAPI 2.0 SP §5.4.1: ES256/PS256
		assertThat(accessJwt.getHeader().getType().getType()).isEqualTo("at+jwt");
		assertThat(accessJwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		JWTClaimsSet accessClaims = accessJwt.getJWTClaimsSet();
		assertThat(accessClaims.getStringClaim("scope")).isEqualTo("openid");
		assertThat(accessClaims.getJWTID()).isNotBlank();
		assertThat(accessClaims.getIssuer()).isEqualTo(ISSUER.toString());
		assertThat(accessClaims.getStringClaim("client_id")).isEqualTo(partner.clientId.getValue());
		assertThat(accessClaims.getStringClaim("fdxConsentId")).isEqualTo(consentId);
		assertThat(accessClaims.getSubject()).isEqualTo("cust-alice-0001");
		assertThat(accessClaims.getJSONObjectClaim("cnf").get("jkt"))
			.isEqualTo(partner.dpopKey.computeThumbprint().toString());
		assertThat(accessClaims.getExpirationTime().getTime() - accessClaims.getIssueTime().getTime())
			.isLessThanOrEqualTo(900_000);

		DPoPAccessToken accessToken = (DPoPAccessToken) tokens.getTokens().getAccessToken();
		HTTPResponse userInfo = partner.sendWithProof(
				() -> new UserInfoRequest(partner.endpoint("/userinfo"), accessToken).toHTTPRequest(), accessToken);
		assertThat(userInfo.getStatusCode()).as(userInfo.getBody()).isEqualTo(200);
		assertThat(userInfo.getBodyAsJSONObject().get("sub")).isEqualTo("cust-alice-0001");

		RefreshToken refreshToken = tokens.getTokens().getRefreshToken();
		TokenResponse refreshed = FapiTestClient.parseToken(partner.refresh(refreshToken));
		assertThat(refreshed.indicatesSuccess()).as(() -> describe(refreshed)).isTrue();
		assertThat(refreshed.toSuccessResponse().getTokens().getRefreshToken()).isNotEqualTo(refreshToken);
		assertThat(
				FapiTestClient.parseToken(partner.refresh(refreshed.toSuccessResponse().getTokens().getRefreshToken()))
					.indicatesSuccess())
			.as("rotated refresh token works")
			.isTrue();
	}

	static String describe(TokenResponse response) {
		return response.indicatesSuccess() ? "success"
				: response.toErrorResponse().getErrorObject().toJSONObject().toString();
	}

}
