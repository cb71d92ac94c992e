package com.consentry.authz.jose;

import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.consentry.authz.keys.SigningKeys;
import com.consentry.fapi.jose.JwsSignatures;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Signs every JWT the server issues (access tokens, ID tokens, JARM responses) with the
 * current key for the requested algorithm, ES256 unless told otherwise, on the
 * BouncyCastle provider.
 */
@Component
public final class ServerJwtEncoder implements JwtEncoder {

	private final SigningKeys signingKeys;

	public ServerJwtEncoder(SigningKeys signingKeys) {
		Assert.notNull(signingKeys, "signingKeys cannot be null");
		this.signingKeys = signingKeys;
	}

	@Override
	public Jwt encode(JwtEncoderParameters parameters) {
		JwsHeader jwsHeader = parameters.getJwsHeader();
		JwtClaimsSet claims = parameters.getClaims();
		JWSAlgorithm algorithm = JWSAlgorithm.ES256;
		String type = null;
		if (jwsHeader != null) {
			JwsAlgorithm requested = jwsHeader.getAlgorithm();
			if (requested != null) {
				algorithm = JWSAlgorithm.parse(requested.getName());
			}
			type = (String) jwsHeader.getHeaders().get("typ");
		}
		if (!SigningKeys.ALGORITHMS.contains(algorithm)) {
			throw new JwtEncodingException("The server does not sign with " + algorithm);
		}
		JWK key = this.signingKeys.signingKey(algorithm);
		JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID());
		if (type != null) {
			header.type(new JOSEObjectType(type));
		}
		JWTClaimsSet.Builder nimbusClaims = new JWTClaimsSet.Builder();
		for (Map.Entry<String, Object> claim : claims.getClaims().entrySet()) {
			nimbusClaims.claim(claim.getKey(), toJson(claim.getValue()));
		}
		SignedJWT jwt = new SignedJWT(header.build(), nimbusClaims.build());
		try {
			jwt.sign(JwsSignatures.signer(key));
		}
		catch (JOSEException ex) {
			throw new JwtEncodingException("Signing failed", ex);
		}
		JWSHeader signedHeader = jwt.getHeader();
		return Jwt.withTokenValue(jwt.serialize())
			.headers((h) -> h.putAll(signedHeader.toJSONObject()))
			.claims((c) -> c.putAll(claims.getClaims()))
			.build();
	}

	private static Object toJson(Object value) {
		if (value instanceof Instant instant) {
			return Date.from(instant);
		}
		if (value instanceof URL url) {
			return url.toExternalForm();
		}
		return value;
	}

}
