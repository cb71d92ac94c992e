package com.consentry.benchmarks;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import org.jspecify.annotations.Nullable;

/**
 * What a successful token response gave: a DPoP-bound access token and the (rotated)
 * refresh token.
 *
 * @param accessToken the access token, of type DPoP
 * @param refreshToken the refresh token to use next, {@code null} when the server gave
 * none
 */
record Tokens(AccessToken accessToken, @Nullable RefreshToken refreshToken) {

	/**
	 * Reads a token endpoint answer. Success means 200 with {@code token_type} DPoP (RFC
	 * 9449 §5); anything else fails with the status and the OAuth error code as its kind.
	 */
	static Tokens from(String step, HTTPResponse http) throws OperationFailed {
		TokenResponse response;
		try {
			response = TokenResponse.parse(http);
		}
		catch (ParseException ex) {
			throw new OperationFailed(step + ": " + http.getStatusCode() + " unparsable answer");
		}
		if (!response.indicatesSuccess()) {
			ErrorObject error = response.toErrorResponse().getErrorObject();
			throw new OperationFailed(step + ": " + http.getStatusCode() + " " + error.getCode());
		}
		if (http.getStatusCode() != 200) {
			throw new OperationFailed(step + ": " + http.getStatusCode() + " instead of 200");
		}
		AccessTokenResponse success = response.toSuccessResponse();
		AccessToken accessToken = success.getTokens().getAccessToken();
		if (!AccessTokenType.DPOP.equals(accessToken.getType())) {
			throw new OperationFailed(step + ": token_type " + accessToken.getType() + " instead of DPoP");
		}
		return new Tokens(accessToken, success.getTokens().getRefreshToken());
	}

}
