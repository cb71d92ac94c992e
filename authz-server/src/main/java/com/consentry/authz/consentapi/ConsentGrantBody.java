package com.consentry.authz.consentapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.consentry.consent.Consent;
import com.consentry.consent.ConsentRevocation;
import com.consentry.consent.GrantedResource;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * FDX {@code ConsentGrant} (spec/fdx.md §1.1) as the partner reads it; the component
 * names are the wire names. Timestamps are RFC 3339 in UTC with milliseconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConsentGrantBody(String id, String status, List<Party> parties, @Nullable String createdTime, String updatedTime,
		@Nullable String expirationTime, String durationType, @Nullable Integer durationPeriod, int lookbackPeriod,
		List<Resource> resources) {

	private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * The grant at {@code now}: its status is the one it has at that instant (EXPIRED
	 * once past its time, even before the expiry job stored it).
	 */
	static ConsentGrantBody of(Consent consent, String recipientName, String providerName, Instant now) {
		List<Resource> resources = consent.grantedResources().stream().map(Resource::of).toList();
		return new ConsentGrantBody(consent.id().value(), consent.statusAt(now).name(),
				List.of(new Party(recipientName, "DATA_RECIPIENT"), new Party(providerName, "DATA_PROVIDER")),
				time(consent.authorizedAt()), time(consent.updatedAt()), time(consent.expiresAt()),
				consent.request().durationType().name(), consent.request().durationPeriod(),
				consent.request().lookbackPeriod(), resources);
	}

	static @Nullable String time(@Nullable Instant instant) {
		return (instant != null) ? RFC3339.format(instant) : null;
	}

	/** FDX {@code ConsentGrantParty}: name and type. */
	record Party(String name, String type) {
	}

	/** FDX {@code ConsentGrantResource}. */
	record Resource(String resourceType, String resourceId, List<String> dataClusters) {

		static Resource of(GrantedResource resource) {
			return new Resource(resource.resourceType().name(), resource.resourceId(),
					resource.dataClusters().stream().sorted().map(Enum::name).toList());
		}

	}

	/**
	 * FDX 6.x {@code GET /consents/{consentId}/revocation}: {@code {"revocations":
	 * [ConsentRevocation]}}.
	 */
	record Revocations(List<Revocation> revocations) {

		static Revocations of(List<ConsentRevocation> history) {
			return new Revocations(history.stream()
				.map((r) -> new Revocation(r.status().name(), r.reason().name(), r.initiator().name(),
						time(r.updatedTime())))
				.toList());
		}

	}

	/** FDX {@code ConsentRevocation}. */
	record Revocation(String status, String reason, String initiator, @Nullable String updatedTime) {
	}

}
