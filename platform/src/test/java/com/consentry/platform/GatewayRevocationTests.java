package com.consentry.platform;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

import com.consentry.authz.support.Tokens;
import com.consentry.platform.support.Partner;
import com.consentry.platform.support.RunningPlatform;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ends a consent ends the partner's access on every gateway instance within a
 * second: the consent revoked through the FDX consent API, the partner suspended, the
 * token revoked at the authorization server (FDX Security Model: immediate revocation;
 * CFPB 1033.331: no response owed once revoked).
 */
@Tag("integration")
class GatewayRevocationTests {

	private static final String PATH = "/fdx/v6/accounts/acc-alice-chk-01";

	private static final Duration WITHIN = Duration.ofSeconds(1);

	private static RunningPlatform platform;

	@BeforeAll
	static void platform() {
		platform = RunningPlatform.get();
	}

	@Test
	@DisplayName("FDX 1.3 revokeConsentGrant: after a revocation through the consent API both gateway instances "
			+ "refuse the consent's token within 1 s")
	void consentRevoked() {
		Partner partner = Partner.register(platform);
		Tokens tokens = warm(partner);
		HttpResponse<String> revoked = partner.send(0, "PUT", "/fdx/v6/consents/" + tokens.consentId() + "/revocation",
				tokens.accessToken(), "{\"reason\":\"USER_ACTION\",\"initiator\":\"DATA_RECIPIENT\"}");
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
		assertRefusedWithinASecond(partner, tokens);
	}

	@Test
	@DisplayName("FDX 1.3: the consent API is routed by the gateway under its base")
	void consentApiRouted() {
		Partner partner = Partner.register(platform);
		Tokens tokens = warm(partner);
		HttpResponse<String> consent = partner.send(1, "GET", "/fdx/v6/consents/" + tokens.consentId(),
				tokens.accessToken(), "");
		assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
		assertThat(consent.body()).contains("\"status\":\"ACTIVE\"").contains(tokens.consentId());
	}

	@Test
	@DisplayName("Partner suspended by the bank: both gateway instances refuse its tokens within 1 s")
	void partnerSuspended() throws Exception {
		Partner partner = Partner.register(platform);
		Tokens tokens = warm(partner);
		try (Connection db = platform.database("test");
				PreparedStatement suspend = db
					.prepareStatement("UPDATE registry.partner SET status = 'SUSPENDED' WHERE client_id = ?")) {
			suspend.setString(1, partner.client.clientId.getValue());
			suspend.executeUpdate();
		}
		assertRefusedWithinASecond(partner, tokens);
	}

	@Test
	@DisplayName("RFC 7009 2.1: a refresh token revoked at the authorization server takes its access token with "
			+ "it, on both gateway instances within 1 s")
	void tokenRevoked() {
		Partner partner = Partner.register(platform);
		Tokens tokens = warm(partner);
		HTTPResponse response = partner.client
			.send(() -> new TokenRevocationRequest(partner.client.endpoint("/oauth2/revoke"),
					partner.client.clientAuthentication(), tokens.refreshToken())
				.toHTTPRequest());
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
		assertRefusedWithinASecond(partner, tokens);
	}

	private static Tokens warm(Partner partner) {
		Tokens tokens = partner.consent("alice", List.of("acc-alice-chk-01"),
				Partner.accountDetails("ACCOUNT_DETAILED"));
		// both instances have seen the token and keep its state
		assertThat(partner.get(0, PATH, tokens.accessToken()).statusCode()).isEqualTo(200);
		assertThat(partner.get(1, PATH, tokens.accessToken()).statusCode()).isEqualTo(200);
		return tokens;
	}

	private static void assertRefusedWithinASecond(Partner partner, Tokens tokens) {
		long changed = System.nanoTime();
		for (int instance = 0; instance < 2; instance++) {
			int status;
			do {
				status = partner.get(instance, PATH, tokens.accessToken()).statusCode();
			}
			while (status == 200 && System.nanoTime() - changed < WITHIN.toNanos() * 3);
			Duration took = Duration.ofNanos(System.nanoTime() - changed);
			assertThat(status).as("instance %d after %d ms", instance, took.toMillis()).isEqualTo(401);
			assertThat(took).as("instance %d", instance).isLessThan(WITHIN);
		}
	}

}
