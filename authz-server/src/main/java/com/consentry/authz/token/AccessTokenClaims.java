package com.consentry.authz.token;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.consentry.authz.dpop.RequestProofs;
import com.consentry.fapi.dpop.DpopProof;
import com.consentry.authz.par.ParameterNames;
import com.consentry.consent.Consent;
import com.consentry.consent.FdxAuthorizationDetails;
import com.consentry.registry.FapiClientSettings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Shapes every JWT the token endpoint issues.
 * <p>
 * Access tokens (RFC 9068, FDX token profile): {@code typ at+jwt}, ES256,
 * {@code client_id}, {@code cnf.jkt} of the verified DPoP proof, or for the clients
 * registered for mTLS {@code cnf.x5t#S256} of their certificate
 * ({@link CertificateBinding}, RFC 8705 §3.1) (never a bearer token, FAPI 2.0 SP
 * §5.3.2.1(4)), {@code fdxConsentId} and the granted {@code authorization_details} (RFC
 * 9396 §9.1); never valid beyond the consent. Nothing is issued unless the proof's key is
 * the one the grant is bound to ({@link GrantKeyBinding}). ID tokens are signed ES256.
 */
@Component
public final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/** Claim naming the FDX consent (FDX token profile). */
	public static final String FDX_CONSENT_ID = "fdxConsentId";

	static final String CNF = "cnf";

	static final String JKT = "jkt";

	private final ConsentLookup consentLookup;

	private final List<String> audience;

	AccessTokenClaims(ConsentLookup consentLookup, @Value("${consentry.token.audience:}") List<String> audience) {
		Assert.notNull(consentLookup, "consentLookup cannot be null");
		this.consentLookup = consentLookup;
		this.audience = audience.stream().filter((value) -> !value.isBlank()).toList();
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
			return;
		}
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		OAuth2Authorization authorization = context.getAuthorization();
		Map<String, Object> confirmation = new HashMap<>();
		if (FapiClientSettings.certificateBoundAccessTokens(context.getRegisteredClient())) {
			String thumbprint = CertificateBinding.thumbprintOf(context.getAuthorizationGrant());
			CertificateBinding.check(context.getAuthorizationGrantType(), authorization, thumbprint);
			confirmation.put(CertificateBinding.X5T_S256, thumbprint);
		}
		else {
			DpopProof proof = RequestProofs.ofGrant(context.getAuthorizationGrant())
				.orElseThrow(() -> new OAuth2AuthenticationException(
						new OAuth2Error(OAuth2ErrorCodes.INVALID_DPOP_PROOF, "a DPoP proof is required", null)));
			GrantKeyBinding.check(context.getAuthorizationGrantType(), authorization, proof);
			confirmation.put(JKT, proof.jkt());
		}
		Consent consent = this.consentLookup.activeConsentOf(authorization);
		context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).type("at+jwt");
		context.getClaims()
			.claim("client_id", context.getRegisteredClient().getClientId())
			.claim(CNF, confirmation)
			// RFC 9068 §2.2.3: scope as a space-separated string, not Spring's JSON array
			.claim(OAuth2ParameterNames.SCOPE, String.join(" ", context.getAuthorizedScopes()))
			.claim(FDX_CONSENT_ID, consent.id().value())
			.claim(ParameterNames.AUTHORIZATION_DETAILS, FdxAuthorizationDetails.granted(consent));
		// RFC 9068 §3: the resource servers the token is for (the resource gateway checks
		// it); without a configured audience Spring's default, the client id, stays
		if (!this.audience.isEmpty()) {
			context.getClaims().audience(this.audience);
		}
		Instant expiresAt = context.getClaims().build().getExpiresAt();
		if (consent.expiresAt() != null && expiresAt != null && consent.expiresAt().isBefore(expiresAt)) {
			context.getClaims().expiresAt(consent.expiresAt());
		}
	}

}
