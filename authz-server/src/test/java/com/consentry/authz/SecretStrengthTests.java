package com.consentry.authz;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer secrets the server hands out are long enough to carry 128 random bits: 22
 * base64url characters (132 bits) at the least. Length is what a test can see; the
 * generators' randomness is by construction.
 */
class SecretStrengthTests extends AuthorizationServerTest {

	private static final String AT_LEAST_128_BITS = "[A-Za-z0-9_-]{22,}=*";

	private static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

	@Test
	@DisplayName("RFC6749 §10.10: request_uri, authorization code and refresh token each carry at least 128 bits")
	void issuedSecretsCarryAtLeast128Bits() {
		FapiTestClient partner = newPartner();
		String requestUri = pushStandardRequest(partner, new CodeVerifier());
		CodeVerifier verifier = new CodeVerifier();
		String code = authorizationCode(partner, verifier);
		Tokens tokens = Tokens.fromResponse(partner.redeem(code, verifier));

		assertThat(requestUri).startsWith(REQUEST_URI_PREFIX);
		// Spring's reference is the random value, "___" and its expiry time; only the
		// first part is secret.
		String reference = requestUri.substring(REQUEST_URI_PREFIX.length());
		assertThat(reference).contains("___");
		assertThat(reference.substring(0, reference.lastIndexOf("___"))).matches(AT_LEAST_128_BITS);
		assertThat(code).matches(AT_LEAST_128_BITS);
		assertThat(tokens.refreshToken().getValue()).matches(AT_LEAST_128_BITS);
	}

}
