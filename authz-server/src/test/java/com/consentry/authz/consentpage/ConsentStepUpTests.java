package com.consentry.authz.consentpage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.consentry.consent.ConsentRequest;
import com.consentry.consent.DataCluster;
import com.consentry.consent.DurationType;
import com.consentry.consent.RequestedResource;
import com.consentry.consent.ResourceType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step-up rule's two questions without the server: does a consent include
 * payment-network data, and was a passkey given recently enough.
 */
class ConsentStepUpTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final Instant OLDEST = NOW.minus(Duration.ofMinutes(5));

	@Test
	@DisplayName("Issue 12 (6): a consent with ACCOUNT_PAYMENTS or PAYMENT_SUPPORT includes payment networks; one with neither does not")
	void paymentNetworkClusters() {
		assertThat(ConsentStepUp
			.includesPaymentNetworks(request(DataCluster.ACCOUNT_DETAILED, DataCluster.ACCOUNT_PAYMENTS))).isTrue();
		assertThat(ConsentStepUp.includesPaymentNetworks(request(DataCluster.PAYMENT_SUPPORT))).isTrue();
		assertThat(
				ConsentStepUp.includesPaymentNetworks(request(DataCluster.ACCOUNT_DETAILED, DataCluster.TRANSACTIONS)))
			.isFalse();
	}

	@Test
	@DisplayName("Issue 12 (6): only a passkey given within the step-up age counts; a password, or a passkey given before, does not")
	void onlyAFreshPasskeyCounts() {
		Instant recent = NOW.minusSeconds(60);
		assertThat(ConsentStepUp.passkeyGivenSince(customer(password(), passkey(recent)), OLDEST)).isEqualTo(recent);
		assertThat(ConsentStepUp.passkeyGivenSince(customer(passkey(recent)), OLDEST)).isEqualTo(recent);
		assertThat(ConsentStepUp.passkeyGivenSince(customer(password(), passkey(NOW.minus(Duration.ofMinutes(6)))),
				OLDEST))
			.isNull();
		assertThat(ConsentStepUp.passkeyGivenSince(customer(password()), OLDEST)).isNull();
		assertThat(ConsentStepUp.passkeyGivenSince(customer(new SimpleGrantedAuthority("FACTOR_WEBAUTHN")), OLDEST))
			.as("only Spring's factor authority carries the time it was given")
			.isNull();
	}

	private static ConsentRequest request(DataCluster... clusters) {
		return new ConsentRequest(DurationType.TIME_BOUND, 30, 90,
				List.of(new RequestedResource(ResourceType.ACCOUNT, Set.of(clusters))));
	}

	private static GrantedAuthority password() {
		return FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.issuedAt(NOW.minus(Duration.ofMinutes(30)))
			.build();
	}

	private static GrantedAuthority passkey(Instant given) {
		return FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY).issuedAt(given).build();
	}

	private static Authentication customer(GrantedAuthority... factors) {
		return UsernamePasswordAuthenticationToken.authenticated("cust-1", null, List.of(factors));
	}

}
