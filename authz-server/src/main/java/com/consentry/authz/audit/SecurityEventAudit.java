package com.consentry.authz.audit;

import java.text.ParseException;
import java.util.Locale;
import java.util.Map;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;
import com.consentry.authz.token.AccessTokenClaims;
import com.consentry.consent.ConsentRevoked;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.ConsentStatusChanged;
import com.consentry.registry.PartnerDeleted;
import com.consentry.registry.PartnerPolicyChanged;
import com.consentry.registry.PartnerRegistered;
import com.consentry.registry.PartnerStatusChange;
import com.consentry.registry.PartnerStatusChanged;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns the platform's own events into audit records, one each: registrations, partner
 * status and policy changes and deletions (the registry's events), the consent lifecycle
 * (the consent service's), and tokens issued, refreshed and revoked (Spring Security's
 * authentication events at the token and revocation endpoints). Consent events arrive
 * inside their transaction; the trail appends them only if it commits.
 */
@Component
class SecurityEventAudit {

	private static final String CONSENT_SERVICE = "consent-service";

	private final AuditTrail trail;

	private final CustomerPseudonyms pseudonyms;

	SecurityEventAudit(AuditTrail trail, CustomerPseudonyms pseudonyms) {
		Assert.notNull(trail, "trail cannot be null");
		Assert.notNull(pseudonyms, "pseudonyms cannot be null");
		this.trail = trail;
		this.pseudonyms = pseudonyms;
	}

	@EventListener
	void registered(PartnerRegistered event) {
		this.trail
			.record(AuditEvent
				.of(event.update() ? "partner.registration_updated" : "partner.registered",
						Actor.partner(event.clientId()), event.clientId(), "success")
				.withDetails(Map.of("org", event.orgId())));
	}

	@EventListener
	void deleted(PartnerDeleted event) {
		this.trail
			.record(AuditEvent.of("partner.deleted", Actor.system("partner-registry"), event.clientId(), "success"));
	}

	@EventListener
	void statusChanged(PartnerStatusChanged event) {
		PartnerStatusChange change = event.change();
		this.trail.record(AuditEvent
			.of("partner.status_changed", Actor.admin(change.actor()), change.orgId(), "success")
			.at(change.at())
			.withDetails(
					Map.of("from", change.from().name(), "to", change.to().name(), "reason", clip(change.reason()))));
	}

	@EventListener
	void policyChanged(PartnerPolicyChanged event) {
		this.trail.record(AuditEvent.of("partner.policy_changed", Actor.admin(event.actor()), event.orgId(), "success")
			.at(event.at())
			.withDetails(Map.of("clusters",
					String.join(",", event.policy().allowedDataClusters().stream().sorted().toList()),
					"max_duration_days", Integer.toString(event.policy().maxDurationDays()), "max_lookback_days",
					Integer.toString(event.policy().maxLookbackDays()), "tier", event.policy().rateLimitTier().name(),
					"reason", clip(event.reason()))));
	}

	@EventListener
	void consentChanged(ConsentStatusChanged event) {
		Actor actor = switch (event.status()) {
			case AWAITING_AUTHORIZATION -> Actor.partner(event.clientId());
			case ACTIVE, DENIED -> customer(event.customerId(), event.clientId());
			case SUSPENDED -> Actor.system("bank");
			default -> Actor.system(CONSENT_SERVICE);
		};
		String type = switch (event.status()) {
			case AWAITING_AUTHORIZATION -> "consent.requested";
			case ACTIVE -> "consent.approved";
			case DENIED -> "consent.denied";
			case SUSPENDED -> "consent.suspended";
			case EXPIRED -> "consent.expired";
			case REVOKED -> "consent.revoked";
		};
		if (event.status() == ConsentStatus.ACTIVE && event.from() == ConsentStatus.SUSPENDED) {
			type = "consent.resumed";
			actor = Actor.system("bank");
		}
		this.trail.record(AuditEvent.of(type, actor, event.consentId().value(), "success")
			.at(event.at())
			.withConsent(event.consentId().value())
			.withDetails(Map.of("partner", event.clientId())));
	}

	@EventListener
	void consentRevoked(ConsentRevoked event) {
		Actor actor = switch (event.channel()) {
			case PARTNER -> Actor.partner(event.clientId());
			case CUSTOMER -> customer(event.customerId(), event.clientId());
			case BANK -> Actor.system("bank");
			case REGISTRY -> Actor.system("partner-registry");
		};
		this.trail.record(AuditEvent.of("consent.revoked", actor, event.consentId().value(), "success")
			.at(event.revocation().updatedTime())
			.withConsent(event.consentId().value())
			.withDetails(Map.of("partner", event.clientId(), "channel", event.channel().name(), "reason",
					event.revocation().reason().name(), "initiator", event.revocation().initiator().name())));
	}

	@EventListener
	void authenticated(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof OAuth2AccessTokenAuthenticationToken issued) {
			String grantType = requestParameter("grant_type");
			String grantId = consentOf(issued.getAccessToken().getTokenValue());
			this.trail.record(AuditEvent
				.of("refresh_token".equals(grantType) ? "token.refreshed" : "token.issued",
						Actor.partner(issued.getRegisteredClient().getClientId()),
						issued.getRegisteredClient().getClientId(), "success")
				.withConsent(grantId)
				.withDetails(Map.of("grant_type", (grantType != null) ? grantType : "unknown", "refresh",
						(issued.getRefreshToken() != null) ? "issued" : "none", "expires_at",
						String.valueOf(issued.getAccessToken().getExpiresAt()))));
		}
		else if (event.getAuthentication() instanceof OAuth2TokenRevocationAuthenticationToken revoked) {
			String clientId = clientId(revoked.getPrincipal());
			String hint = requestParameter("token_type_hint");
			this.trail.record(AuditEvent.of("token.revoked", Actor.partner(clientId), clientId, "success")
				.withDetails(Map.of("type_hint", (hint != null) ? hint.toLowerCase(Locale.ROOT) : "none")));
		}
	}

	private Actor customer(@Nullable String customerId, String clientId) {
		return (customerId != null) ? Actor.customer(this.pseudonyms.of(customerId)) : Actor.partner(clientId);
	}

	private static String clientId(Object principal) {
		if (principal instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null) {
			return client.getRegisteredClient().getClientId();
		}
		if (principal instanceof OAuth2AuthenticatedPrincipal authenticated) {
			return authenticated.getName();
		}
		return String.valueOf(principal);
	}

	/** The consent our own access token carries (its claims, not its value, are read). */
	private static @Nullable String consentOf(String accessToken) {
		try {
			return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim(AccessTokenClaims.FDX_CONSENT_ID);
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private static @Nullable String requestParameter(String name) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getParameter(name);
		}
		return null;
	}

	static String clip(String text) {
		return (text.length() <= 500) ? text : text.substring(0, 500);
	}

}
