package com.consentry.authz;

import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.Consents;
import com.consentry.consent.PartyType;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7592 §2.3 over HTTP: deleting a partner's registration ends its consents and every
 * token under them.
 */
class PartnerDeletionTests extends AuthorizationServerTest {

	@Autowired
	Consents consents;

	@Test
	@DisplayName("RFC7592 §2.3: deleting a partner revokes its consents (BUSINESS_RULE, by the DATA_PROVIDER); its refresh fails and introspection says inactive")
	void deletedPartnerLosesConsentsAndTokens() throws Exception {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		ConsentId consentId = new ConsentId(tokens.consentId());
		assertThat(introspect(tokens).get("active")).isEqualTo(true);

		HTTPRequest delete = new HTTPRequest(HTTPRequest.Method.DELETE,
				ISSUER.resolve("/register/" + partner.clientId));
		delete.setAuthorization("Bearer " + partner.registrationAccessToken);
		assertThat(delete.send().getStatusCode()).isEqualTo(204);

		assertThat(this.consents.find(consentId))
			.hasValueSatisfying((consent) -> assertThat(consent.status()).isEqualTo(ConsentStatus.REVOKED));
		assertThat(this.consents.revocation(consentId)).hasValueSatisfying((revocation) -> {
			assertThat(revocation.reason()).isEqualTo(ConsentUpdateReason.BUSINESS_RULE);
			assertThat(revocation.initiator()).isEqualTo(PartyType.DATA_PROVIDER);
		});
		HTTPResponse refresh = partner.refresh(tokens.refreshToken());
		assertThat(refresh.getStatusCode()).isIn(400, 401);
		assertThat(refresh.getBody()).containsAnyOf("invalid_grant", "invalid_client");
		assertThat(introspect(tokens).get("active")).isEqualTo(false);
	}

	@Test
	@DisplayName("RFC7592 §2.3: another partner's consents stay ACTIVE when one partner is deleted")
	void otherPartnersKeepTheirConsents() throws Exception {
		FapiTestClient deleted = newPartner();
		FapiTestClient other = newPartner();
		Tokens otherTokens = Tokens.obtain(other);

		HTTPRequest delete = new HTTPRequest(HTTPRequest.Method.DELETE,
				ISSUER.resolve("/register/" + deleted.clientId));
		delete.setAuthorization("Bearer " + deleted.registrationAccessToken);
		assertThat(delete.send().getStatusCode()).isEqualTo(204);

		assertThat(this.consents.isActive(new ConsentId(otherTokens.consentId()))).isTrue();
		assertThat(this.consents.revocation(new ConsentId(otherTokens.consentId()))).isEmpty();
		assertThat(introspect(otherTokens).get("active")).isEqualTo(true);
	}

	private static Map<String, Object> introspect(Tokens tokens) throws Exception {
		FapiTestClient gateway = gateway();
		HTTPResponse response = gateway.send(() -> new TokenIntrospectionRequest(gateway.endpoint("/oauth2/introspect"),
				gateway.clientAuthentication(), tokens.accessToken())
			.toHTTPRequest());
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
		return response.getBodyAsJSONObject();
	}

}
