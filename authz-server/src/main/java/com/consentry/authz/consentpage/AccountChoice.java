package com.consentry.authz.consentpage;

import java.util.Locale;
import java.util.Map;

import com.consentry.consent.CustomerAccounts;

/**
 * An account as the customer recognises it: name, kind in plain words, masked number.
 * Also used by the customer's consents page.
 */
public record AccountChoice(String accountId, String name, String kind, String numberDisplay) {

	private static final Map<String, String> KINDS = Map.of("CHECKING", "Checking account", "SAVINGS",
			"Savings account", "CREDITCARD", "Credit card", "AUTOLOAN", "Auto loan", "MORTGAGE", "Mortgage", "CD",
			"Certificate of deposit", "MONEYMARKET", "Money market account", "LINEOFCREDIT", "Line of credit");

	public static AccountChoice of(CustomerAccounts.AccountSummary account) {
		String name = (account.nickname() != null) ? account.nickname() + " · " + account.productName()
				: account.productName();
		String kind = KINDS.getOrDefault(account.accountType(), account.accountType().charAt(0)
				+ account.accountType().substring(1).toLowerCase(Locale.ROOT).replace('_', ' '));
		return new AccountChoice(account.accountId(), name, kind, account.accountNumberDisplay());
	}

}
