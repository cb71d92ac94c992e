package com.consentry.authz;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.Concurrently;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single use, decided by the database: of several requests using one code, one refresh
 * token or one request_uri at the same moment, exactly one succeeds.
 */
class SingleUseTests extends AuthorizationServerTest {

	private static final int CONCURRENT = 8;

	@Autowired
	private JdbcClient jdbc;

	@Test
	@DisplayName("RFC6749 §4.1.2, FAPI2 SP §5.3.2.2: of 8 concurrent redemptions of one code exactly one gets tokens, the others invalid_grant, and the code's tokens are revoked")
	void concurrentRedemptionsOfOneCode() throws Exception {
		FapiTestClient partner = newPartner();
		CodeVerifier verifier = new CodeVerifier();
		String code = authorizationCode(partner, verifier);
		List<HTTPResponse> responses = Concurrently.times(CONCURRENT, () -> partner.redeem(code, verifier));
		List<HTTPResponse> successes = responses.stream().filter((r) -> r.getStatusCode() == 200).toList();
		assertThat(successes).as("token responses").hasSize(1);
		assertThat(responses).filteredOn((r) -> r.getStatusCode() != 200)
			.hasSize(CONCURRENT - 1)
			.allSatisfy((refused) -> {
				assertThat(refused.getStatusCode()).isEqualTo(400);
				assertThat(refused.getBody()).contains("\"invalid_grant\"");
			});
		Tokens issued = Tokens.fromResponse(successes.get(0));
		assertThat(introspect(gateway(), issued.accessToken())).containsEntry("active", false);
		HTTPResponse refresh = partner.refresh(issued.refreshToken());
		assertThat(refresh.getStatusCode()).isEqualTo(400);
		assertThat(refresh.getBody()).contains("invalid_grant");
	}

	@Test
	@DisplayName("RFC9700 §4.14.2 (rotation): of 8 concurrent refreshes with one refresh token exactly one gets the next tokens")
	void concurrentRefreshesWithOneToken() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		List<HTTPResponse> responses = Concurrently.times(CONCURRENT, () -> partner.refresh(tokens.refreshToken()));
		List<HTTPResponse> successes = responses.stream().filter((r) -> r.getStatusCode() == 200).toList();
		assertThat(successes).as("token responses").hasSize(1);
		assertThat(responses).filteredOn((r) -> r.getStatusCode() != 200)
			.allSatisfy((refused) -> assertThat(refused.getBody()).contains("\"invalid_grant\""));
		// the one that won keeps working
		Tokens next = Tokens.fromResponse(successes.get(0));
		assertThat(partner.refresh(next.refreshToken()).getStatusCode()).isEqualTo(200);
	}

	@Test
	@DisplayName("RFC9126 §2.2, FAPI2 SP §5.3.2.2: of 8 signed-in customers opening one request_uri at once, exactly one reaches the consent page")
	void concurrentUsesOfOneRequestUri() throws Exception {
		FapiTestClient partner = newPartner();
		String requestUri = pushStandardRequest(partner, new CodeVerifier());
		URI authorizationUrl = authorizationUrl(partner, requestUri);
		List<CustomerSession> customers = new ArrayList<>();
		for (int i = 0; i < CONCURRENT; i++) {
			CustomerSession alice = new CustomerSession(ISSUER);
			alice.signIn(alice.get(ISSUER.resolve("/login")), "alice", "alice-demo-pass");
			customers.add(alice);
		}
		List<Callable<HttpResponse<String>>> opens = new ArrayList<>();
		customers.forEach((customer) -> opens.add(() -> customer.get(authorizationUrl)));
		List<HttpResponse<String>> pages = Concurrently.run(opens, CONCURRENT);
		assertThat(pages).filteredOn((page) -> page.body().contains("name=\"decision\"")).hasSize(1);
		assertThat(pages).filteredOn((page) -> !page.body().contains("name=\"decision\""))
			.hasSize(CONCURRENT - 1)
			.allSatisfy((refused) -> assertThat(refused.statusCode()).isEqualTo(400));
	}

	@Test
	@DisplayName("Issue 5: after a full flow and a refresh, no code, token or request_uri is stored in clear, only their SHA-256")
	void noSecretInClear() {
		FapiTestClient partner = newPartner();
		CodeVerifier verifier = new CodeVerifier();
		String requestUri = pushStandardRequest(partner, verifier);
		String requestReference = requestUri.substring("urn:ietf:params:oauth:request_uri:".length());
		HttpResponse<String> done = new CustomerSession(ISSUER).authorize(authorizationUrl(partner, requestUri),
				"alice", "alice-demo-pass", ALICE_ACCOUNTS, "approve");
		String code = (String) jarm(partner, partnerRedirect(done)).getClaim("code");
		Tokens tokens = Tokens.fromResponse(partner.redeem(code, verifier));
		Tokens refreshed = Tokens.fromResponse(partner.refresh(tokens.refreshToken()));
		List<String> secrets = List.of(requestReference, code, tokens.accessToken().getValue(),
				tokens.refreshToken().getValue(), refreshed.accessToken().getValue(),
				refreshed.refreshToken().getValue());

		List<String> rows = this.jdbc.sql("SELECT a::text FROM authz.authorization a").query(String.class).list();
		assertThat(rows).isNotEmpty();
		for (String secret : secrets) {
			assertThat(rows).as("rows holding a secret in clear").noneMatch((row) -> row.contains(secret));
		}
		assertThat(countByDigest("code_hash", code)).isEqualTo(1);
		assertThat(countByDigest("refresh_token_hash", refreshed.refreshToken().getValue())).isEqualTo(1);
		assertThat(countByDigest("access_token_hash", refreshed.accessToken().getValue())).isEqualTo(1);
	}

	private long countByDigest(String column, String value) {
		return this.jdbc
			.sql("SELECT count(*) FROM authz.authorization WHERE " + column + " = sha256(convert_to(?, 'UTF8'))")
			.param(value)
			.query(Long.class)
			.single();
	}

}
