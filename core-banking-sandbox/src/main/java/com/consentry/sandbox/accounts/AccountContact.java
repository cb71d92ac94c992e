package com.consentry.sandbox.accounts;

import java.util.List;

import com.consentry.sandbox.core.CustomerProfile;

/**
 * FDX AccountContact: the account's holders and how to reach them.
 *
 * @param holders who holds the account
 * @param emails their addresses
 * @param addresses their postal addresses
 * @param telephones their telephones
 */
record AccountContact(List<Holder> holders, List<String> emails, List<CustomerProfile.Address> addresses,
		List<CustomerProfile.Telephone> telephones) {

	/**
	 * An account holder.
	 *
	 * @param name first and last name
	 * @param relationship {@code PRIMARY}
	 */
	record Holder(Name name, String relationship) {
	}

	/**
	 * FDX CustomerName.
	 *
	 * @param first given name
	 * @param last family name
	 */
	record Name(String first, String last) {
	}

	static AccountContact of(CustomerProfile profile) {
		return new AccountContact(List
			.of(new Holder(new Name(profile.customer().givenName(), profile.customer().familyName()), "PRIMARY")),
				List.of(profile.email()), List.of(profile.address()), profile.telephones());
	}

}
