package com.consentry.authz.consentapi;

import com.consentry.consent.Consent;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentNotFoundException;
import com.consentry.consent.Consents;
import com.consentry.registry.Partner;
import com.consentry.registry.Partners;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * FDX "User Consent" operations (spec/fdx.md §1.3) for the partner holding the consent. A
 * consent that is unknown, never granted (awaiting or refused) or another partner's is
 * answered alike: 404.
 *
 * @see ConsentApiErrors
 */
@RestController
final class ConsentApiController {

	static final String CONSENT = "/fdx/v6/consents/{consentId}";

	static final String REVOCATION = CONSENT + "/revocation";

	private final Consents consents;

	private final Partners partners;

	private final ConsentApiProperties properties;

	ConsentApiController(Consents consents, Partners partners, ConsentApiProperties properties) {
		Assert.notNull(consents, "consents cannot be null");
		Assert.notNull(partners, "partners cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		this.consents = consents;
		this.partners = partners;
		this.properties = properties;
	}

	/** FDX {@code getConsentGrant}. */
	@GetMapping(path = CONSENT, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ConsentGrantBody> consent(@PathVariable String consentId, ConsentApiCaller caller) {
		Consent consent = consentOf(consentId, caller);
		String recipient = this.partners.find(consent.clientId()).map(Partner::orgName).orElse(consent.clientId());
		return noStore(ConsentGrantBody.of(consent, recipient, this.properties.providerName(), this.consents.now()));
	}

	/**
	 * FDX {@code revokeConsentGrant}: 204 once revoked, with every token under it; 409
	 * when the consent is no longer active; 400 for a body that is not exactly
	 * {@code {reason, initiator}}, the consent unchanged.
	 */
	@PutMapping(path = REVOCATION)
	ResponseEntity<Void> revoke(@PathVariable String consentId, @RequestBody(required = false) byte[] body,
			HttpServletRequest request, ConsentApiCaller caller) {
		ConsentRevocationRequest revocation = ConsentRevocationRequest.parse(request.getContentType(), body);
		this.consents.revokeByPartner(consentIdOf(consentId), caller.clientId(), revocation.reason(),
				revocation.initiator());
		return ResponseEntity.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
	}

	/**
	 * FDX {@code getConsentRevocation}: the revocation, if any (a revocation is final, so
	 * at most one).
	 */
	@GetMapping(path = REVOCATION, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ConsentGrantBody.Revocations> revocations(@PathVariable String consentId, ConsentApiCaller caller) {
		Consent consent = consentOf(consentId, caller);
		return noStore(ConsentGrantBody.Revocations.of(this.consents.revocation(consent.id()).stream().toList()));
	}

	private Consent consentOf(String consentId, ConsentApiCaller caller) {
		return this.consents.findOfPartner(consentIdOf(consentId), caller.clientId())
			.orElseThrow(ConsentNotFoundException::new);
	}

	private static ConsentId consentIdOf(String consentId) {
		if (!ConsentId.isWellFormed(consentId)) {
			throw new ConsentNotFoundException();
		}
		return new ConsentId(consentId);
	}

	private static <T> ResponseEntity<T> noStore(T body) {
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
	}

}
