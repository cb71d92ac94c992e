package com.consentry.authz;

import java.util.Arrays;
import java.util.Set;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.consent.DataCluster;
import com.consentry.registry.PartnerGovernance;
import com.consentry.registry.PartnerPolicy;
import com.consentry.registry.RateLimitTier;
import com.consentry.registry.RegistryProperties;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank's policy per partner organisation, enforced at PAR: each limit refused by name
 * (RFC 9396 §5 {@code invalid_authorization_details}), a request within it accepted.
 */
class PartnerPolicyTests extends AuthorizationServerTest {

	@Autowired
	PartnerGovernance governance;

	@Autowired
	RegistryProperties registry;

	FapiTestClient partner;

	@BeforeEach
	void partnerWithPolicy() {
		String orgId = newOrgId();
		this.partner = newPartnerOfOwnOrganisation(ISSUER, orgId);
		this.governance.updatePolicy(orgId,
				new PartnerPolicy(Set.of("ACCOUNT_DETAILED", "TRANSACTIONS"), 60, 120, RateLimitTier.STANDARD),
				"admin:test-admin", "contracted scope");
	}

	@Test
	@DisplayName("RFC9396 §5: a request within the partner's policy is accepted")
	void withinPolicyIsAccepted() {
		assertThat(push(details("TIME_BOUND", "\"durationPeriod\":60,", 120, "\"ACCOUNT_DETAILED\",\"TRANSACTIONS\""))
			.getStatusCode()).isEqualTo(201);
	}

	@Test
	@DisplayName("RFC9396 §5: a data cluster outside the partner's policy is refused, naming it")
	void clusterBeyondPolicyIsRefused() {
		assertRefused(push(details("TIME_BOUND", "\"durationPeriod\":30,", 90, "\"ACCOUNT_DETAILED\",\"STATEMENTS\"")),
				"dataCluster STATEMENTS is not allowed for this partner");
	}

	@Test
	@DisplayName("RFC9396 §5: a durationPeriod beyond the partner's maximum is refused, naming the limit; PERSISTENT too when the maximum is below the bank's")
	void durationBeyondPolicyIsRefused() {
		assertRefused(push(details("TIME_BOUND", "\"durationPeriod\":61,", 90, "\"TRANSACTIONS\"")),
				"durationPeriod 61 exceeds the partner's maximum of 60 days");
		assertRefused(push(details("PERSISTENT", "", 90, "\"TRANSACTIONS\"")),
				"durationType PERSISTENT exceeds the partner's maximum of 60 days");
	}

	@Test
	@DisplayName("RFC9396 §5: a lookbackPeriod beyond the partner's maximum is refused, naming the limit")
	void lookbackBeyondPolicyIsRefused() {
		assertRefused(push(details("TIME_BOUND", "\"durationPeriod\":30,", 121, "\"TRANSACTIONS\"")),
				"lookbackPeriod 121 exceeds the partner's maximum of 120 days");
	}

	@Test
	@DisplayName("Policy: the bank's default allows every FDX data cluster, 365 days and 730 days of lookback, STANDARD tier")
	void defaultPolicyCoversEveryCluster() {
		PartnerPolicy policy = this.registry.defaultPolicy().policy();
		assertThat(policy.allowedDataClusters())
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(DataCluster.values()).map(Enum::name).toList());
		assertThat(policy.maxDurationDays()).isEqualTo(365);
		assertThat(policy.maxLookbackDays()).isEqualTo(730);
		assertThat(policy.rateLimitTier()).isEqualTo(RateLimitTier.STANDARD);
	}

	private HTTPResponse push(String details) {
		return this.partner.push(this.partner.authorizationRequest(new CodeVerifier())
			.customParameter("authorization_details", details)
			.build());
	}

	private static String details(String durationType, String durationPeriod, int lookback, String clusters) {
		return "[{\"type\":\"fdx_v1.0\",\"consentRequest\":{\"durationType\":\"" + durationType + "\"," + durationPeriod
				+ "\"lookbackPeriod\":" + lookback + ",\"resources\":[{\"resourceType\":\"ACCOUNT\",\"dataClusters\":["
				+ clusters + "]}]}}]";
	}

	private static void assertRefused(HTTPResponse response, String description) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
		assertThat(response.getBody()).contains("\"invalid_authorization_details\"").contains(description);
	}

}
