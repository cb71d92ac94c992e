package com.consentry.registry.internal;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Checks a client's inline {@code jwks}: public keys only, each EC P-256 or RSA of at
 * least 2048 bits, at least one of them able to verify the client's
 * {@code private_key_jwt} assertions.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2">RFC 7591 §2
 * (jwks)</a>
 * @see <a href=
 * "https://openid.net/specs/fapi-security-profile-2_0-final.html#section-5.4.1">FAPI 2.0
 * SP §5.4.1</a>
 */
final class ClientKeys {

	/**
	 * RFC 7518 §6.2.2, §6.3.2, §6.4: members that only private or symmetric keys have.
	 */
	private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

	private static final int MAX_KEYS = 10;

	private static final int MIN_RSA_BITS = 2048;

	private ClientKeys() {
	}

	/**
	 * @param json the {@code jwks} member
	 * @param signingAlg the registered {@code token_endpoint_auth_signing_alg}
	 * @throws RegistrationException {@code invalid_client_metadata} when the set breaks a
	 * rule
	 */
	static JWKSet publicKeys(Map<String, Object> json, String signingAlg) {
		if (!(json.get("keys") instanceof List<?> keys) || keys.isEmpty() || keys.size() > MAX_KEYS) {
			throw refused("jwks must hold between 1 and " + MAX_KEYS + " keys");
		}
		for (Object key : keys) {
			if (!(key instanceof Map<?, ?> members)) {
				throw refused("jwks keys must be JSON objects");
			}
			if (PRIVATE_MEMBERS.stream().anyMatch(members::containsKey)) {
				throw refused("jwks must hold public keys only");
			}
		}
		JWKSet set;
		try {
			set = JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new RegistrationException(RegistrationError.INVALID_CLIENT_METADATA, "jwks is not a valid JWK Set",
					ex);
		}
		for (JWK key : set.getKeys()) {
			if (key.isPrivate()) {
				throw refused("jwks must hold public keys only");
			}
			// FAPI 2.0 SP §5.4.1(2,3), narrowed to the keys our algorithms (ES256, PS256)
			// can use.
			boolean strong = (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))
					|| (key instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS);
			if (!strong) {
				throw refused("jwks keys must be EC P-256 or RSA of at least 2048 bits");
			}
		}
		boolean verifies = set.getKeys()
			.stream()
			.filter((key) -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
			.anyMatch((key) -> "ES256".equals(signingAlg) ? key instanceof ECKey : key instanceof RSAKey);
		if (!verifies) {
			throw refused("jwks holds no signing key for token_endpoint_auth_signing_alg");
		}
		return set;
	}

	private static RegistrationException refused(String description) {
		return new RegistrationException(RegistrationError.INVALID_CLIENT_METADATA, description);
	}

}
