package com.consentry.authz;

import java.time.Duration;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The registered-client cache never serves a client the database changed. */
class RegisteredClientCacheTests extends AuthorizationServerTest {

	/**
	 * Far below the cache's 60 s time to live: only the change notification can explain a
	 * refusal this soon.
	 */
	private static final Duration NOTIFICATION_BOUND = Duration.ofSeconds(3);

	@Autowired
	private JdbcClient jdbc;

	@Test
	@DisplayName("Issue 5: a client row changed in the database (here by hand) is in force at the next requests, not after the cache's time to live")
	void changedClientIsSeenAtOnce() throws InterruptedException {
		FapiTestClient partner = newPartner();
		HTTPResponse accepted = partner.push(partner.authorizationRequest(new CodeVerifier()).build());
		assertThat(accepted.getStatusCode()).as("client now cached").isEqualTo(201);

		this.jdbc.sql("UPDATE authz.oauth2_registered_client SET redirect_uris = ? WHERE client_id = ?")
			.params("https://moved.partner.example/callback", partner.clientId.getValue())
			.update();

		long deadline = System.nanoTime() + NOTIFICATION_BOUND.toNanos();
		HTTPResponse response;
		do {
			Thread.sleep(50);
			response = partner.push(partner.authorizationRequest(new CodeVerifier()).build());
		}
		while (response.getStatusCode() == 201 && System.nanoTime() < deadline);
		assertThat(response.getStatusCode()).as("the old redirect URI is refused").isEqualTo(400);
	}

}
