package com.consentry.authz;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that is slow or saturated makes requests fail fast with 503 and Retry-After,
 * never hang, and the server recovers by itself. Timing is asserted only against a
 * generous bound (the point is "not 30 s and not forever"); the configured bounds are 2 s
 * each.
 */
class BackPressureTests extends AuthorizationServerTest {

	private static final Duration GENEROUS_BOUND = Duration.ofSeconds(10);

	@Autowired
	private DataSource dataSource;

	@Test
	@DisplayName("Issue 5: a table locked past the statement timeout answers 503 temporarily_unavailable with Retry-After, changes nothing, and the same refresh succeeds afterwards")
	void slowDatabase() throws SQLException {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		HikariDataSource pool = (HikariDataSource) this.dataSource;
		try (Connection locker = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
				Statement statement = locker.createStatement()) {
			locker.setAutoCommit(false);
			statement.execute("LOCK TABLE authz.authorization IN ACCESS EXCLUSIVE MODE");
			long started = System.nanoTime();
			HTTPResponse refused = partner.refresh(tokens.refreshToken());
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(503);
			assertThat(refused.getHeaderValue("Retry-After")).isEqualTo("1");
			assertThat(refused.getBody()).contains("\"temporarily_unavailable\"");
			assertThat(took).isLessThan(GENEROUS_BOUND);
			locker.rollback();
		}
		// the refused request used nothing up: the same refresh token works now
		Tokens.fromResponse(partner.refresh(tokens.refreshToken()));
	}

	@Test
	@DisplayName("Issue 5: with every pooled connection taken, a partner gets 503 JSON (OAuth at the token endpoint, FDX at the consent API) and a customer a readable 503 page, all with Retry-After; both succeed once connections are free")
	void saturatedPool() throws SQLException {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		String requestUri = pushStandardRequest(partner, new CodeVerifier());
		URI authorizationUrl = authorizationUrl(partner, requestUri);
		HikariDataSource pool = (HikariDataSource) this.dataSource;
		List<Connection> taken = new ArrayList<>();
		try {
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				taken.add(pool.getConnection());
			}
			long started = System.nanoTime();
			HTTPResponse refused = partner.refresh(tokens.refreshToken());
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS_BOUND);
			assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(503);
			assertThat(refused.getHeaderValue("Retry-After")).isEqualTo("1");
			assertThat(refused.getBody()).contains("\"temporarily_unavailable\"");

			HTTPResponse fdx = partner.sendWithProof(() -> {
				HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET,
						partner.endpoint("/fdx/v6/consents/" + tokens.consentId()));
				request.setAuthorization("DPoP " + tokens.accessToken().getValue());
				return request;
			}, tokens.accessToken());
			assertThat(fdx.getStatusCode()).as(fdx.getBody()).isEqualTo(503);
			assertThat(fdx.getHeaderValue("Retry-After")).isEqualTo("1");
			assertThat(fdx.getBody()).contains("\"code\":\"501\"");

			HttpResponse<String> page = new CustomerSession(ISSUER).get(authorizationUrl);
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(page.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(page.body()).contains("try again");
		}
		finally {
			for (Connection connection : taken) {
				connection.close();
			}
		}
		Tokens.fromResponse(partner.refresh(tokens.refreshToken()));
		HttpResponse<String> login = new CustomerSession(ISSUER).get(authorizationUrl);
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("name=\"password\"");
	}

}
