package com.consentry.consent;

import java.util.List;

/**
 * The bank's record of which accounts a customer holds. The consent service asks it
 * before granting an account, so a consent can never name an account of somebody else.
 */
public interface CustomerAccounts {

	/** The customer's accounts, in the order the bank shows them. */
	List<AccountSummary> accountsOf(String customerId);

	/**
	 * An account as the consent page shows it.
	 *
	 * @param accountNumberDisplay the masked number, e.g. {@code ...1234}
	 */
	record AccountSummary(String accountId, String accountCategory, String accountType, String productName,
			String nickname, String accountNumberDisplay) {
	}

}
