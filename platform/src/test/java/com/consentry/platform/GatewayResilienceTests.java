package com.consentry.platform;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.consentry.authz.support.Tokens;
import com.consentry.platform.support.CoreBankingLog;
import com.consentry.platform.support.Partner;
import com.consentry.platform.support.RunningPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway stays up when what it depends on does not: a failing, slow or stopped
 * core-banking system and a stopped database give clear FDX errors without any of the
 * core's internals, and service comes back when they do.
 */
@Tag("integration")
class GatewayResilienceTests {

	private static final String PATH = "/fdx/v6/accounts/acc-alice-chk-01/transactions";

	private static RunningPlatform platform;

	private static CoreBankingLog core;

	private static Partner partner;

	private static Tokens tokens;

	@BeforeAll
	static void consent() {
		platform = RunningPlatform.get();
		core = new CoreBankingLog(platform.sandbox());
		partner = Partner.register(platform);
		tokens = partner.consent("alice", List.of("acc-alice-chk-01"), Partner.accountDetails("TRANSACTIONS"));
	}

	@AfterEach
	void healthyAgain() {
		core.healthy();
		awaitStatus(200, Duration.ofSeconds(30));
	}

	@Test
	@DisplayName("FDX 3.3 500: a core answering 500 with internals gives an FDX error that shows none of them")
	void coreErrors() {
		core.fault(0, 500);
		HttpResponse<String> response = partner.get(0, PATH, tokens.accessToken());
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.body()).isEqualTo("{\"code\":\"500\",\"message\":\"Internal server error\"}");
		assertThat(response.headers().firstValue("x-fapi-interaction-id")).isPresent();
	}

	@Test
	@DisplayName("FDX 3.3 501: a core slower than the read timeout gives 503 with Retry-After, not a hang")
	void coreSlow() {
		core.fault(5_000, null);
		long started = System.nanoTime();
		HttpResponse<String> response = partner.get(1, PATH, tokens.accessToken());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"code\":\"501\"");
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	@DisplayName("FDX 3.3 501: a stopped core gives 503 with Retry-After, and service resumes when it is back")
	void coreDown() throws Exception {
		platform.stopSandbox();
		try {
			HttpResponse<String> response = partner.get(0, PATH, tokens.accessToken());
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.body()).contains("\"code\":\"501\"");
		}
		finally {
			platform.startSandbox();
		}
	}

	@Test
	@DisplayName("Fail closed: with the database stopped the gateway answers 503 (FDX 501) instead of trusting what "
			+ "it kept, and serves again once the database is back")
	void databaseDown() throws Exception {
		assertThat(partner.get(0, PATH, tokens.accessToken()).statusCode()).isEqualTo(200);
		platform.stopDatabase();
		try {
			HttpResponse<String> response = partner.get(0, PATH, tokens.accessToken());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
			assertThat(response.body()).contains("\"code\":\"501\"");
			assertThat(response.headers().firstValue("Retry-After")).isPresent();
		}
		finally {
			platform.startDatabase();
		}
	}

	private static void awaitStatus(int status, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		int last;
		do {
			last = partner.get(0, PATH, tokens.accessToken()).statusCode();
			if (last == status) {
				return;
			}
			sleep();
		}
		while (System.nanoTime() < deadline);
		assertThat(last).as("status after %s", within).isEqualTo(status);
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
