package com.consentry.authz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.consentry.authz.keys.SigningKeys;
import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing keys: sealed at rest, published with {@code kid}, rotated without breaking what
 * they signed.
 */
class SigningKeyTests extends AuthorizationServerTest {

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("Issue 2: private signing keys are stored sealed, never in clear")
	void privateKeysAreSealed() {
		List<Map<String, Object>> rows = this.jdbc.sql("SELECT public_jwk, sealed_private_jwk FROM authz.signing_key")
			.query()
			.listOfRows();
		assertThat(rows).isNotEmpty();
		for (Map<String, Object> row : rows) {
			assertThat((String) row.get("public_jwk")).doesNotContain("\"d\"");
			String sealed = new String((byte[]) row.get("sealed_private_jwk"), StandardCharsets.ISO_8859_1);
			assertThat(sealed).doesNotContain("\"d\"").doesNotContain("\"kty\"");
		}
	}

	@Test
	@DisplayName("FAPI2 SP §6.8: after rotation new tokens use the new key, and tokens signed before stay valid")
	void rotationKeepsOldKeysPublished() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens before = Tokens.obtain(partner);
		String oldKid = SignedJWT.parse(before.accessToken().getValue()).getHeader().getKeyID();

		this.signingKeys.rotate();

		Set<String> published = JWKSet.load(ISSUER.resolve("/oauth2/jwks").toURL())
			.getKeys()
			.stream()
			.map(JWK::getKeyID)
			.collect(Collectors.toSet());
		assertThat(published).contains(oldKid);
		Tokens after = Tokens.obtain(partner);
		String newKid = SignedJWT.parse(after.accessToken().getValue()).getHeader().getKeyID();
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(published).contains(newKid);
		HTTPResponse userInfo = partner.sendWithProof(
				() -> new UserInfoRequest(partner.endpoint("/userinfo"), before.accessToken()).toHTTPRequest(),
				before.accessToken());
		assertThat(userInfo.getStatusCode()).as("token signed with the replaced key").isEqualTo(200);
	}

}
