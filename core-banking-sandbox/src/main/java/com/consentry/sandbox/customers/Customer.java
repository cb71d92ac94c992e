package com.consentry.sandbox.customers;

import java.time.LocalDate;
import java.util.List;

import com.consentry.sandbox.bank.BankAccount;
import com.consentry.sandbox.core.CustomerProfile;

/**
 * FDX Customer.
 *
 * @param customerId the bank's id
 * @param name first and last name
 * @param email addresses
 * @param addresses postal addresses
 * @param telephones telephones
 * @param dateOfBirth the date of birth
 * @param taxId the full tax id
 * @param accounts the accounts held and how
 */
record Customer(String customerId, Name name, List<String> email, List<CustomerProfile.Address> addresses,
		List<CustomerProfile.Telephone> telephones, LocalDate dateOfBirth, String taxId,
		List<AccountRelationship> accounts) {

	/**
	 * FDX CustomerName.
	 *
	 * @param first given name
	 * @param last family name
	 */
	record Name(String first, String last) {
	}

	/**
	 * FDX CustomerToAccountRelationship.
	 *
	 * @param accountId the account
	 * @param relationship {@code PRIMARY}
	 */
	record AccountRelationship(String accountId, String relationship) {
	}

	static Customer of(CustomerProfile profile, List<BankAccount> accounts) {
		return new Customer(profile.customer().customerId(),
				new Name(profile.customer().givenName(), profile.customer().familyName()), List.of(profile.email()),
				List.of(profile.address()), profile.telephones(), profile.dateOfBirth(), profile.taxId(),
				accounts.stream().map((account) -> new AccountRelationship(account.accountId(), "PRIMARY")).toList());
	}

}
