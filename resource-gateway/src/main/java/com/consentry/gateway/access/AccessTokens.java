package com.consentry.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.consentry.fapi.jose.JwsSignatures;
import com.consentry.gateway.fdx.FdxRefusal;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Checks the access token of a request (FAPI 2.0 SP §5.3.4, RFC 9068): a JWT of type
 * {@code at+jwt} signed by the issuer with an allowed algorithm, naming this issuer and
 * this gateway as audience, not expired, bound to a DPoP key or a client certificate and
 * carrying the partner and the consent. A token that passed is remembered by its digest
 * until it expires, so its signature is checked once per instance.
 */
final class AccessTokens {

	private static final int MAX_TOKEN_LENGTH = 8192;

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

	private final IssuerKeys keys;

	private final String issuer;

	private final String audience;

	private final Clock clock;

	private final int capacity;

	private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

	AccessTokens(IssuerKeys keys, String issuer, String audience, Clock clock, int capacity) {
		this.keys = keys;
		this.issuer = issuer;
		this.audience = audience;
		this.clock = clock;
		this.capacity = capacity;
	}

	AccessToken verify(String token) {
		if (token.length() > MAX_TOKEN_LENGTH) {
			throw invalid("The access token is too long");
		}
		Instant now = this.clock.instant();
		AccessToken known = this.verified.get(token);
		if (known != null) {
			if (now.isBefore(known.expiresAt().plus(CLOCK_SKEW))) {
				return known;
			}
			this.verified.remove(token);
			throw invalid("The access token has expired");
		}
		AccessToken checked = check(token, now);
		if (this.verified.size() >= this.capacity) {
			this.verified.clear();
		}
		this.verified.put(token, checked);
		return checked;
	}

	private AccessToken check(String token, Instant now) {
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(token);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw invalid("The access token is not a signed JWT");
		}
		if (!isAccessTokenType(jwt.getHeader().getType())) {
			throw invalid("The access token is not of type at+jwt");
		}
		String keyId = jwt.getHeader().getKeyID();
		JWK key = (keyId != null) ? this.keys.key(keyId) : null;
		if (key == null) {
			throw invalid("The access token is not signed by a key of the issuer");
		}
		try {
			if (!jwt.verify(JwsSignatures.verifier(jwt.getHeader(), key))) {
				throw invalid("The access token signature does not verify");
			}
		}
		catch (JOSEException ex) {
			throw invalid("The access token algorithm or key is not acceptable");
		}
		if (!this.issuer.equals(claims.getIssuer())) {
			throw invalid("The access token is from another issuer");
		}
		List<String> audiences = claims.getAudience();
		if (audiences == null || !audiences.contains(this.audience)) {
			throw invalid("The access token is not meant for this resource server");
		}
		Date exp = claims.getExpirationTime();
		if (exp == null || !now.isBefore(exp.toInstant().plus(CLOCK_SKEW))) {
			throw invalid("The access token has expired");
		}
		Date nbf = claims.getNotBeforeTime();
		if (nbf != null && now.plus(CLOCK_SKEW).isBefore(nbf.toInstant())) {
			throw invalid("The access token is not valid yet");
		}
		String clientId = stringClaim(claims, "client_id");
		String consentId = stringClaim(claims, "fdxConsentId");
		Object cnf = claims.getClaim("cnf");
		String jkt = (cnf instanceof Map<?, ?> confirmation) ? thumbprint(confirmation.get("jkt")) : null;
		String x5t = (cnf instanceof Map<?, ?> confirmation) ? thumbprint(confirmation.get("x5t#S256")) : null;
		if (clientId == null || consentId == null) {
			throw invalid("The access token names no partner or consent");
		}
		// FAPI 2.0 SP §5.3.2.1(4): sender-constrained, to a DPoP key (RFC 9449 §6.1) or a
		// client certificate (RFC 8705 §3.1), exactly one of them
		if ((jkt == null) == (x5t == null)) {
			throw invalid("The access token is not bound to a DPoP key or a client certificate, or to both");
		}
		return new AccessToken(sha256(token), clientId, consentId, jkt, x5t, exp.toInstant());
	}

	private static @Nullable String thumbprint(@Nullable Object value) {
		return (value instanceof String thumbprint && !thumbprint.isEmpty()) ? thumbprint : null;
	}

	// RFC 9068 §4: "at+jwt" or its full media type "application/at+jwt", in any case
	private static boolean isAccessTokenType(@Nullable JOSEObjectType type) {
		if (type == null) {
			return false;
		}
		String value = type.getType().toLowerCase(java.util.Locale.ROOT);
		return "at+jwt".equals(value) || "application/at+jwt".equals(value);
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is a required JCA algorithm", ex);
		}
	}

	private static @Nullable String stringClaim(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		return (value instanceof String string && !string.isEmpty()) ? string : null;
	}

	private static FdxRefusal invalid(String message) {
		return FdxRefusal.unauthenticated("invalid_token", "invalid_token", message);
	}

}
