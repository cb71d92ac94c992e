package com.consentry.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Directory keys and software statements for tests: a trusted EC and RSA directory key,
 * valid claims at {@link #NOW}, and signing in the shapes a directory (or an attacker)
 * would use.
 */
final class TestSoftwareStatements {

	static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final String DIRECTORY = "https://directory.example.org";

	static final ECKey DIRECTORY_EC_KEY = ecKey("directory-ec-1");

	static final RSAKey DIRECTORY_RSA_KEY = rsaKey("directory-rsa-1", 2048);

	private TestSoftwareStatements() {
	}

	/**
	 * A directory that trusts the public halves of {@link #DIRECTORY_EC_KEY} and
	 * {@link #DIRECTORY_RSA_KEY}.
	 */
	static DirectoryKeys trustedKeys() {
		JWKSet set = new JWKSet(List.of(DIRECTORY_EC_KEY.toPublicJWK(), DIRECTORY_RSA_KEY.toPublicJWK()));
		return new DirectoryKeys(() -> set, CLOCK);
	}

	static JWTClaimsSet.Builder validClaims() {
		return new JWTClaimsSet.Builder().issuer(DIRECTORY)
			.issueTime(Date.from(NOW.minusSeconds(60)))
			.expirationTime(Date.from(NOW.plusSeconds(3600)))
			.jwtID("statement-1")
			.claim("org_id", "org-123")
			.claim("org_name", "Example Fintech Ltd")
			.claim("software_id", "budget-app")
			.claim("client_name", "Budget App")
			.claim("redirect_uris", List.of("https://app.example.com/callback"))
			.claim("jwks", Map.of("keys", List.of(ecKey("client-1").toPublicJWK().toJSONObject())))
			.claim("scope", "openid offline_access fdx:accountbasic:read");
	}

	static String es256(JWTClaimsSet claims) {
		try {
			return sign(new ECDSASigner(DIRECTORY_EC_KEY), JWSAlgorithm.ES256, DIRECTORY_EC_KEY.getKeyID(), claims);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String ps256(JWTClaimsSet claims) {
		try {
			return sign(new RSASSASigner(DIRECTORY_RSA_KEY), JWSAlgorithm.PS256, DIRECTORY_RSA_KEY.getKeyID(), claims);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sign(JWSSigner signer, JWSAlgorithm algorithm, String kid, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
			jwt.sign(signer);
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ECKey ecKey(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RSAKey rsaKey(String kid, int bits) {
		try {
			return new RSAKeyGenerator(bits, true).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
