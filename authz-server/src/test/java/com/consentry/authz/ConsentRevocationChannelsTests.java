package com.consentry.authz;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.Consents;
import com.consentry.consent.PartyType;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocation from every channel ends refresh and introspection at once, marks every grant
 * under the consent revoked, and is announced to listeners (the gateway) on
 * {@code consent_changed}; expiry is honoured at every use and stored by the job.
 */
class ConsentRevocationChannelsTests extends AuthorizationServerTest {

	@Autowired
	Consents consents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	@DisplayName("FDX Security Model, CFPB 1033.331(e): a bank admin's revocation ends refresh and introspection at once, is recorded (DATA_PROVIDER) and announced on consent_changed")
	void revokeByBankWhenActiveThenTokensEndAndChangeAnnounced() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		ConsentId id = new ConsentId(tokens.consentId());
		try (Connection listener = this.dataSource.getConnection()) {
			try (Statement listen = listener.createStatement()) {
				listen.execute("LISTEN consent_changed");
			}
			this.consents.revokeByBank(id, ConsentUpdateReason.BUSINESS_RULE);
			assertThat(notifications(listener)).contains(tokens.consentId());
		}
		assertTokensEnded(partner, tokens);
		assertThat(this.consents.revocation(id))
			.hasValueSatisfying((revocation) -> assertThat(revocation.initiator()).isEqualTo(PartyType.DATA_PROVIDER));
	}

	@Test
	@DisplayName("RFC7592 §2.3: deleting a partner (the registry's channel) marks every grant under its consents revoked")
	void deletePartnerWhenConsentActiveThenGrantsRevoked() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		HTTPRequest delete = new HTTPRequest(HTTPRequest.Method.DELETE,
				ISSUER.resolve("/register/" + partner.clientId));
		delete.setAuthorization("Bearer " + partner.registrationAccessToken);
		assertThat(delete.send().getStatusCode()).isEqualTo(204);
		assertThat(unrevokedGrants(tokens.consentId())).isZero();
		assertThat(introspect(gateway(), tokens.accessToken()).get("active")).isEqualTo(false);
	}

	@Test
	@DisplayName("FDX §1.2: a consent past its expirationTime is never honoured, even before the job runs; the job then stores EXPIRED (only status changes, the record stays)")
	void expireWhenPastTimeThenRefusedAtOnceAndStoredByJob() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		this.jdbc.sql("UPDATE consent.consent SET expires_at = now() - interval '1 second' WHERE id = ?")
			.param(tokens.consentId())
			.update();

		assertThat(introspect(gateway(), tokens.accessToken()).get("active")).isEqualTo(false);
		HTTPResponse refresh = partner.refresh(tokens.refreshToken());
		assertThat(refresh.getStatusCode()).isEqualTo(400);
		assertThat(this.consents.find(new ConsentId(tokens.consentId())).orElseThrow().status())
			.isEqualTo(ConsentStatus.ACTIVE);

		assertThat(this.consents.expireDue(1)).isGreaterThanOrEqualTo(1);

		assertThat(this.consents.find(new ConsentId(tokens.consentId())).orElseThrow().status())
			.isEqualTo(ConsentStatus.EXPIRED);
	}

	@Test
	@DisplayName("DESIGN (several instances): concurrent expiry runs expire each due consent exactly once")
	void expireDueWhenRunConcurrentlyThenEachOnce() throws Exception {
		FapiTestClient partner = newPartner();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(Tokens.obtain(partner).consentId());
		}
		this.jdbc.sql("UPDATE consent.consent SET expires_at = now() - interval '1 second' WHERE client_id = ?")
			.param(partner.clientId.getValue())
			.update();
		List<Integer> counts = new ArrayList<>();
		Thread[] runs = new Thread[3];
		for (int i = 0; i < runs.length; i++) {
			runs[i] = new Thread(() -> {
				int expired = this.consents.expireDue(1);
				synchronized (counts) {
					counts.add(expired);
				}
			});
			runs[i].start();
		}
		for (Thread run : runs) {
			run.join();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM consent.consent WHERE client_id = ? AND status = 'EXPIRED'")
			.param(partner.clientId.getValue())
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(3);
	}

	private void assertTokensEnded(FapiTestClient partner, Tokens tokens) {
		HTTPResponse refresh = partner.refresh(tokens.refreshToken());
		assertThat(refresh.getStatusCode()).isEqualTo(400);
		assertThat(refresh.getBody()).contains("invalid_grant");
		assertThat(introspect(gateway(), tokens.accessToken()).get("active")).isEqualTo(false);
		assertThat(unrevokedGrants(tokens.consentId())).isZero();
	}

	private long unrevokedGrants(String consentId) {
		return this.jdbc.sql("SELECT count(*) FROM authz.authorization WHERE consent_id = ? AND revoked_at IS NULL")
			.param(consentId)
			.query(Long.class)
			.single();
	}

	private static List<String> notifications(Connection listener) throws Exception {
		List<String> payloads = new ArrayList<>();
		PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(5000);
		if (received != null) {
			for (PGNotification notification : received) {
				payloads.add(notification.getParameter());
			}
		}
		return payloads;
	}

}
