package com.consentry.authz.notification;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.consentry.authz.support.Tokens;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.Consents;
import com.consentry.consent.PartyType;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners hear of revocations they did not make: a signed event POSTed to their
 * registered {@code notification_uri} from the transactional outbox, retried with
 * back-off, its delivery state visible to admins.
 */
class ConsentEventNotificationTests extends AuthorizationServerTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	Consents consents;

	@Autowired
	ConsentEventDeliveries deliveries;

	@Test
	@DisplayName("CFPB 1033.331(e): a customer's revocation is POSTed to the partner as a signed event, retried after two 500s and delivered on the third attempt; the JWS verifies against /oauth2/jwks")
	void revokeByCustomerWhenEndpointFailsTwiceThenDeliveredOnThirdAttempt() throws Exception {
		try (TestPartnerEndpoint endpoint = new TestPartnerEndpoint(204, 500, 500)) {
			FapiTestClient partner = partnerNotifiedAt(endpoint);
			Tokens tokens = Tokens.obtain(partner);
			ConsentId consentId = new ConsentId(tokens.consentId());

			String alice = Objects.requireNonNull(this.consents.find(consentId).orElseThrow().customerId());
			this.consents.revokeByCustomer(consentId, alice);

			assertThat(TestPartnerEndpoint.await(() -> delivered(consentId), PATIENCE)).isTrue();
			assertThat(endpoint.received()).hasSize(3).allSatisfy((request) -> {
				assertThat(request.method()).isEqualTo("POST");
				assertThat(request.contentType()).isEqualTo("application/jwt");
			});
			assertThat(this.deliveries.ofConsent(consentId)).singleElement().satisfies((delivery) -> {
				assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
				assertThat(delivery.attempts()).isEqualTo(3);
				assertThat(delivery.deliveredAt()).isNotNull();
			});
			JWTClaimsSet claims = verified(endpoint.received().get(2).body(), partner);
			assertThat(claims.getJWTID()).isEqualTo(this.deliveries.ofConsent(consentId).get(0).eventId().toString())
				.isEqualTo(verified(endpoint.received().get(0).body(), partner).getJWTID());
			assertThat(claims.getIssueTime()).isNotNull();
			Map<String, Object> event = claims.getJSONObjectClaim("event");
			assertThat(event).containsEntry("category", "CONSENT")
				.containsEntry("type", "CONSENT_REVOKED")
				.containsEntry("consentId", tokens.consentId())
				.containsEntry("status", "REVOKED")
				.containsEntry("reason", "USER_ACTION")
				.containsEntry("initiator", "INDIVIDUAL");
			assertThat((String) event.get("revokedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		}
	}

	@Test
	@DisplayName("CFPB 1033.331(e): a bank's revocation is announced too (initiator DATA_PROVIDER); an endpoint that keeps failing is given up after max-attempts (FAILED, last error kept)")
	void revokeByBankWhenEndpointKeepsFailingThenFailedAfterMaxAttempts() throws Exception {
		try (TestPartnerEndpoint endpoint = new TestPartnerEndpoint(503)) {
			FapiTestClient partner = partnerNotifiedAt(endpoint);
			ConsentId consentId = new ConsentId(Tokens.obtain(partner).consentId());

			this.consents.revokeByBank(consentId, ConsentUpdateReason.BUSINESS_RULE);

			assertThat(TestPartnerEndpoint.await(() -> this.deliveries.ofConsent(consentId)
				.stream()
				.anyMatch((delivery) -> delivery.state() == DeliveryState.FAILED), PATIENCE)).isTrue();
			assertThat(this.deliveries.ofPartner(partner.clientId.getValue(), DeliveryState.FAILED, 10)).singleElement()
				.satisfies((delivery) -> {
					assertThat(delivery.attempts()).isEqualTo(4);
					assertThat(delivery.lastError()).isEqualTo("HTTP 503");
				});
			assertThat(endpoint.received()).hasSize(4);
			assertThat(verified(endpoint.received().get(0).body(), partner).getJSONObjectClaim("event"))
				.containsEntry("initiator", "DATA_PROVIDER");
		}
	}

	@Test
	@DisplayName("CFPB 1033.331(e): a revocation by the partner itself (FDX consent API) owes it no event")
	void revokeByPartnerThenNothingSent() throws Exception {
		try (TestPartnerEndpoint endpoint = new TestPartnerEndpoint(204)) {
			FapiTestClient partner = partnerNotifiedAt(endpoint);
			ConsentId consentId = new ConsentId(Tokens.obtain(partner).consentId());

			this.consents.revokeByPartner(consentId, partner.clientId.getValue(), ConsentUpdateReason.USER_ACTION,
					PartyType.INDIVIDUAL);

			assertThat(this.deliveries.ofConsent(consentId)).isEmpty();
			assertThat(this.deliveries.ofPartner(partner.clientId.getValue(), null, 10)).isEmpty();
			assertThat(endpoint.received()).isEmpty();
		}
	}

	private static FapiTestClient partnerNotifiedAt(TestPartnerEndpoint endpoint) {
		return FapiTestClient.register(ISSUER, TestDirectory.shared(),
				Map.of("notification_uri", endpoint.uri().toString()));
	}

	private boolean delivered(ConsentId consentId) {
		return this.deliveries.ofConsent(consentId)
			.stream()
			.anyMatch((delivery) -> delivery.state() == DeliveryState.DELIVERED);
	}

	/**
	 * Verifies the event as a partner would, with Nimbus and the server's published keys.
	 */
	private static JWTClaimsSet verified(String jws, FapiTestClient partner) throws Exception {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("consent-event+jwt")));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
				JWKSourceBuilder.create(new URL(ISSUER.resolve("/oauth2/jwks").toString())).build()));
		processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(partner.clientId.getValue(),
				new JWTClaimsSet.Builder().issuer(ISSUER.toString()).build(), Set.of("iat", "jti", "event")));
		assertThat(SignedJWT.parse(jws).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		return processor.process(jws, null);
	}

}
