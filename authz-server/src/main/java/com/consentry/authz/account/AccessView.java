package com.consentry.authz.account;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.consentry.audit.DataAccess;
import com.consentry.authz.consentpage.AccountChoice;
import com.consentry.consent.DataCluster;
import org.jspecify.annotations.Nullable;

/**
 * One call of the partner for the customer's data, as the customer reads it: when, which
 * account, which data, and whether it was given.
 *
 * @param time when, in UTC
 * @param account the account by name and masked number, or empty when none was named
 * @param data the data released, in plain words
 * @param outcome "Shared" or why it was refused
 */
record AccessView(String time, String account, String data, String outcome) {

	private static final DateTimeFormatter TIME = DateTimeFormatter
		.ofPattern("d MMMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final Set<String> CLUSTERS = Arrays.stream(DataCluster.values())
		.map(DataCluster::name)
		.collect(Collectors.toSet());

	static AccessView of(DataAccess access, Function<String, @Nullable AccountChoice> accounts) {
		String account = "";
		if (access.accountId() != null) {
			AccountChoice choice = accounts.apply(access.accountId());
			account = (choice != null) ? choice.name() + " (ending " + choice.numberDisplay() + ")"
					: "An account not shared with this app";
		}
		List<String> data = access.clusters()
			.stream()
			.filter(CLUSTERS::contains)
			.map((cluster) -> DataCluster.valueOf(cluster).title())
			.toList();
		return new AccessView(TIME.format(access.time()), account, data.isEmpty() ? "Nothing" : String.join(", ", data),
				"success".equals(access.outcome()) ? "Shared" : "Refused (" + access.outcome().replace('_', ' ') + ")");
	}

}
