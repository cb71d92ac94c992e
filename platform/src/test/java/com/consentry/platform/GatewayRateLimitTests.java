package com.consentry.platform;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import com.consentry.authz.support.Tokens;
import com.consentry.platform.support.Partner;
import com.consentry.platform.support.RunningPlatform;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits are per partner and per customer-partner pair, sized by the partner's
 * policy tier, and shared by every gateway instance through the database (FDX 1207, CFPB
 * 1033.311 access caps by written policy).
 */
@Tag("integration")
class GatewayRateLimitTests {

	private static final String PATH = "/fdx/v6/accounts/acc-alice-chk-01";

	@Test
	@DisplayName("FDX 3.3 1207: a LIMITED partner gets 429 with Retry-After past its pair's burst, counted across "
			+ "both gateway instances")
	void limitedAcrossInstances() throws Exception {
		RunningPlatform platform = RunningPlatform.get();
		Partner partner = Partner.register(platform);
		try (Connection db = platform.database("test"); PreparedStatement policy = db.prepareStatement("""
				INSERT INTO registry.partner_policy (org_id, allowed_data_clusters, max_duration_days,
				    max_lookback_days, rate_limit_tier, updated_at)
				SELECT org_id, 'ACCOUNT_BASIC ACCOUNT_DETAILED TRANSACTIONS', 365, 730, 'LIMITED', now()
				FROM registry.partner WHERE client_id = ?""")) {
			policy.setString(1, partner.clientId());
			assertThat(policy.executeUpdate()).isEqualTo(1);
		}
		Tokens tokens = partner.consent("alice", List.of("acc-alice-chk-01"),
				Partner.accountDetails("ACCOUNT_DETAILED"));
		// LIMITED (application.yaml): 5 per second, bursts of 10, per customer-partner
		// pair
		long started = System.nanoTime();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			responses.add(partner.get(i % 2, PATH, tokens.accessToken()));
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long served = responses.stream().filter((response) -> response.statusCode() == 200).count();
		List<HttpResponse<String>> limited = responses.stream()
			.filter((response) -> response.statusCode() == 429)
			.toList();
		assertThat(served + limited.size()).as("nothing but 200 and 429").isEqualTo(40);
		assertThat(limited).as("refused past the limit").isNotEmpty();
		// burst, refill while the test ran, and the tokens each instance may take ahead
		assertThat(served).as("served in %.2f s", seconds).isLessThanOrEqualTo(10 + (long) Math.ceil(5 * seconds) + 2);
		HttpResponse<String> refused = limited.get(0);
		assertThat(refused.body()).contains("\"code\":\"1207\"");
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds1) -> assertThat(Integer.parseInt(seconds1)).isPositive());
		assertThat(refused.headers().firstValue("x-fapi-interaction-id")).isPresent();
	}

}
