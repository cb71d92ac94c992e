package com.consentry.authz.jarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.consentry.registry.FapiClientSettings;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Builds the JARM response JWT: {@code iss}, {@code aud} (the client), {@code exp} and
 * every response parameter, signed with the algorithm the client registered (ES256 unless
 * PS256).
 *
 * @see <a href="https://openid.net/specs/oauth-v2-jarm.html#section-2.1">JARM §2.1</a>
 */
@Component
public final class AuthorizationResponseSigner {

	// JARM §2.1: a short lifetime (10 minutes at most is recommended).
	static final Duration LIFETIME = Duration.ofMinutes(5);

	private final JwtEncoder encoder;

	private final AuthorizationServerSettings settings;

	private final Clock clock;

	public AuthorizationResponseSigner(JwtEncoder encoder, AuthorizationServerSettings settings, Clock clock) {
		Assert.notNull(encoder, "encoder cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.encoder = encoder;
		this.settings = settings;
		this.clock = clock;
	}

	/** The signed response carrying {@code parameters} for {@code client}. */
	public String sign(RegisteredClient client, Map<String, String> parameters) {
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.settings.getIssuer())
			.audience(List.of(client.getClientId()))
			.issuedAt(now)
			.expiresAt(now.plus(LIFETIME));
		parameters.forEach(claims::claim);
		SignatureAlgorithm algorithm = FapiClientSettings.authorizationSignedResponseAlg(client);
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(algorithm).build(), claims.build()))
			.getTokenValue();
	}

}
