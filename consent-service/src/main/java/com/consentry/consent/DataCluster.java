package com.consentry.consent;

/**
 * FDX data clusters (V6.x) with the plain-language wording the consent page shows the
 * customer.
 */
public enum DataCluster {

	ACCOUNT_BASIC("Basic account details", "account name, type and the last digits of the account number"),
	ACCOUNT_DETAILED("Detailed account information", "balances, credit limits, interest rates and due dates"),
	ACCOUNT_PAYMENTS("Account and routing numbers", "the full account number and routing number, to make payments"),
	PAYMENT_SUPPORT("Account and routing numbers", "the full account number and routing number, to make payments"),
	TRANSACTIONS("Transactions", "pending and posted transactions: amounts, dates, descriptions"),
	STATEMENTS("Statements", "your periodic account statements"),
	INVESTMENTS("Investments", "holdings and open orders in investment accounts"),
	CUSTOMER_CONTACT("Contact information", "names, addresses, email addresses and phone numbers"),
	CUSTOMER_PERSONAL("Personal information", "contact information plus date of birth and government or tax ids"),
	BILLS("Bills", "bills due on credit lines"), REWARDS("Rewards", "reward programs and balances"),
	IMAGES("Images", "check and transaction images"), TAX("Tax documents", "tax forms"),
	NOTIFICATIONS("Notifications", "notification subscriptions");

	private final String title;

	private final String explanation;

	DataCluster(String title, String explanation) {
		this.title = title;
		this.explanation = explanation;
	}

	/** A short name for the customer. */
	public String title() {
		return this.title;
	}

	/** What the cluster contains, in plain words. */
	public String explanation() {
		return this.explanation;
	}

}
