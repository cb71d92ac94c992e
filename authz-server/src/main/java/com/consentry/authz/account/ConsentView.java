package com.consentry.authz.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.consentry.authz.consentpage.AccountChoice;
import com.consentry.consent.Consent;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.DataCluster;
import com.consentry.consent.GrantedResource;
import com.consentry.consent.ResourceType;
import org.jspecify.annotations.Nullable;

/**
 * One consent as the customer reads it: the partner's name, the data in plain words, the
 * accounts by name and masked number, when it was granted, until when, and where it
 * stands now.
 *
 * @param running whether it can still be revoked (ACTIVE or SUSPENDED at this instant)
 */
record ConsentView(String id, String partner, String status, boolean running, List<DataCluster> clusters,
		List<String> accounts, boolean sharesCustomerData, String grantedOn, String validUntil,
		@Nullable String endedOn) {

	private static final DateTimeFormatter DATE = DateTimeFormatter
		.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final Map<ConsentStatus, String> WORDS = Map.of(ConsentStatus.ACTIVE, "Active",
			ConsentStatus.SUSPENDED, "Paused by the bank", ConsentStatus.EXPIRED, "Expired", ConsentStatus.REVOKED,
			"Stopped", ConsentStatus.DENIED, "Refused", ConsentStatus.AWAITING_AUTHORIZATION, "Not answered");

	static ConsentView of(Consent consent, String partner, Function<String, @Nullable AccountChoice> accounts,
			Instant now) {
		ConsentStatus status = consent.statusAt(now);
		List<DataCluster> clusters = new ArrayList<>();
		List<String> accountNames = new ArrayList<>();
		boolean customerData = false;
		for (GrantedResource resource : consent.grantedResources()) {
			resource.dataClusters().stream().sorted().filter((c) -> !clusters.contains(c)).forEach(clusters::add);
			if (resource.resourceType() == ResourceType.ACCOUNT) {
				AccountChoice account = accounts.apply(resource.resourceId());
				accountNames.add((account != null)
						? account.name() + " (" + account.kind() + " ending " + account.numberDisplay() + ")"
						: "An account that is now closed");
			}
			else {
				customerData = true;
			}
		}
		boolean running = status == ConsentStatus.ACTIVE || status == ConsentStatus.SUSPENDED;
		String ended = switch (status) {
			case REVOKED -> format(consent.updatedAt());
			case EXPIRED -> format((consent.expiresAt() != null) ? consent.expiresAt() : consent.updatedAt());
			default -> null;
		};
		return new ConsentView(consent.id().value(), partner, WORDS.get(status), running, clusters, accountNames,
				customerData, format(consent.authorizedAt()), format(consent.expiresAt()), ended);
	}

	static String format(@Nullable Instant instant) {
		return (instant != null) ? DATE.format(instant) : "";
	}

}
