package com.consentry.authz.account;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.Consents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's consents page at the HTTP level: forms that work without JavaScript,
 * CSRF, and no way to reach another customer's consent.
 */
class AccountPageTests extends AuthorizationServerTest {

	@Autowired
	Consents consents;

	@Test
	@DisplayName("DESIGN contract: bob posting the revocation of alice's consent id (with his own CSRF token) gets a 404 page; the consent and its tokens stay")
	void revokeWhenAnotherCustomersConsentThenNotFoundAndUnchanged() {
		FapiTestClient partner = newPartner();
		Tokens alice = Tokens.obtain(partner);
		CustomerSession bob = signedIn("bob", "bob-demo-pass");
		List<Map.Entry<String, String>> form = csrf(bob);

		HttpResponse<String> response = bob.post("/account/consents/" + alice.consentId() + "/revoke", form);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found").doesNotContain(alice.consentId());
		assertThat(this.consents.find(new ConsentId(alice.consentId())).orElseThrow().status())
			.isEqualTo(ConsentStatus.ACTIVE);
		assertThat(introspect(gateway(), alice.accessToken()).get("active")).isEqualTo(true);
	}

	@Test
	@DisplayName("DESIGN contract: a revocation posted without the CSRF token is refused and changes nothing")
	void revokeWhenNoCsrfTokenThenRefused() {
		FapiTestClient partner = newPartner();
		Tokens alice = Tokens.obtain(partner);
		CustomerSession session = signedIn("alice", "alice-demo-pass");

		HttpResponse<String> response = session.post("/account/consents/" + alice.consentId() + "/revoke", List.of());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.consents.isActive(new ConsentId(alice.consentId()))).isTrue();
	}

	@Test
	@DisplayName("CFPB 1033.331(e): alice's form post revokes her consent without JavaScript; refresh and introspection end at once, and a second post changes nothing")
	void revokeWhenOwnConsentThenRevokedAndTokensEnd() {
		FapiTestClient partner = newPartner();
		Tokens alice = Tokens.obtain(partner);
		CustomerSession session = signedIn("alice", "alice-demo-pass");
		HttpResponse<String> confirmation = session
			.get(ISSUER.resolve("/account/consents/" + alice.consentId() + "/revoke"));
		assertThat(confirmation.body()).contains("Stop sharing with");

		HttpResponse<String> done = session.post("/account/consents/" + alice.consentId() + "/revoke",
				CustomerSession.hiddenFields(confirmation.body()));

		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.uri().getPath()).isEqualTo("/account");
		assertThat(done.body()).contains("Sharing stopped");
		assertThat(partner.refresh(alice.refreshToken()).getStatusCode()).isEqualTo(400);
		assertThat(introspect(gateway(), alice.accessToken()).get("active")).isEqualTo(false);

		HttpResponse<String> again = session.post("/account/consents/" + alice.consentId() + "/revoke",
				CustomerSession.hiddenFields(confirmation.body()));
		assertThat(again.uri().getPath()).isEqualTo("/account");
		assertThat(this.consents.find(new ConsentId(alice.consentId())).orElseThrow().status())
			.isEqualTo(ConsentStatus.REVOKED);
	}

	private static CustomerSession signedIn(String username, String password) {
		CustomerSession session = new CustomerSession(ISSUER);
		HttpResponse<String> home = session.signIn(session.get(ISSUER.resolve("/account")), username, password);
		assertThat(home.uri().getPath()).isEqualTo("/account");
		return session;
	}

	private static List<Map.Entry<String, String>> csrf(CustomerSession session) {
		HttpResponse<String> home = session.get(ISSUER.resolve("/account"));
		List<Map.Entry<String, String>> fields = new ArrayList<>(CustomerSession.hiddenFields(home.body()));
		assertThat(fields).extracting(Map.Entry::getKey).contains("_csrf");
		return fields;
	}

}
