package com.consentry.authz.support;

import java.util.Map;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens of one completed authorization, and the raw token response.
 */
public record Tokens(DPoPAccessToken accessToken, RefreshToken refreshToken, Map<String, Object> json) {

	/** PAR, approval by alice, token request: a partner's normal way to tokens. */
	public static Tokens obtain(FapiTestClient client) {
		CodeVerifier verifier = new CodeVerifier();
		String code = AuthorizationServerTest.authorizationCode(client, verifier);
		return fromResponse(client.redeem(code, verifier));
	}

	public static Tokens fromResponse(HTTPResponse response) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
		TokenResponse parsed = FapiTestClient.parseToken(response);
		AccessTokenResponse success = parsed.toSuccessResponse();
		try {
			return new Tokens((DPoPAccessToken) success.getTokens().getAccessToken(),
					success.getTokens().getRefreshToken(), response.getBodyAsJSONObject());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String consentId() {
		return (String) this.json.get("grant_id");
	}

}
