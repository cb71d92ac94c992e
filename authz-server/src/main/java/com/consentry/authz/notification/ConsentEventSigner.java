package com.consentry.authz.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.consentry.fapi.jose.JwsSignatures;
import com.consentry.authz.keys.SigningKeys;
import com.consentry.consent.ConsentStatus;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Signs a consent event as a compact JWS with the server's current ES256 key, the key
 * partners already verify access tokens and JARM responses with ({@code /oauth2/jwks}).
 * Claims: {@code iss} (the issuer), {@code aud} (the partner's {@code client_id}),
 * {@code iat}, {@code jti} (the event id, the same on every attempt so duplicates can be
 * dropped), and {@code event}: {@code category} CONSENT, {@code type} CONSENT_REVOKED,
 * {@code consentId}, {@code status} REVOKED, {@code reason}, {@code initiator},
 * {@code revokedAt} (RFC 3339, milliseconds, as FDX timestamps).
 *
 * @see ConsentEventClaims
 */
@Component
final class ConsentEventSigner {

	private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final SigningKeys keys;

	private final AuthorizationServerSettings settings;

	private final Clock clock;

	ConsentEventSigner(SigningKeys keys, AuthorizationServerSettings settings, Clock clock) {
		Assert.notNull(keys, "keys cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.keys = keys;
		this.settings = settings;
		this.clock = clock;
	}

	/** The event as a compact JWS, signed now. */
	String sign(ConsentEvent event) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put(ConsentEventClaims.CATEGORY, ConsentEventClaims.CATEGORY_CONSENT);
		content.put(ConsentEventClaims.EVENT_TYPE, ConsentEventClaims.CONSENT_REVOKED);
		content.put(ConsentEventClaims.CONSENT_ID, event.consentId().value());
		content.put(ConsentEventClaims.STATUS, ConsentStatus.REVOKED.name());
		content.put(ConsentEventClaims.REASON, event.reason().name());
		content.put(ConsentEventClaims.INITIATOR, event.initiator().name());
		content.put(ConsentEventClaims.REVOKED_AT, RFC3339.format(event.revokedAt()));
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.settings.getIssuer())
			.audience(event.clientId())
			.issueTime(Date.from(Instant.now(this.clock)))
			.jwtID(event.eventId().toString())
			.claim(ConsentEventClaims.EVENT, content)
			.build();
		JWK key = this.keys.signingKey(JWSAlgorithm.ES256);
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
			.type(new JOSEObjectType(ConsentEventClaims.TYPE))
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(JwsSignatures.signer(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing a consent event failed", ex);
		}
		return jwt.serialize();
	}

}
