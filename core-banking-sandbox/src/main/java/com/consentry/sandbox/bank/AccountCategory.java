package com.consentry.sandbox.bank;

/**
 * The FDX v6 account categories the sandbox models in detail; any other value in
 * {@code bank.account} is served with its descriptor only.
 */
public enum AccountCategory {

	/** Checking, savings, CDs. */
	DEPOSIT_ACCOUNT,

	/** Lines of credit, credit cards. */
	LOC_ACCOUNT,

	/** Auto loans, mortgages, student loans. */
	LOAN_ACCOUNT,

	/** Brokerage and retirement accounts. */
	INVESTMENT_ACCOUNT,

	/** A category the sandbox does not model. */
	OTHER;

	static AccountCategory of(String wireName) {
		for (AccountCategory category : values()) {
			if (category.name().equals(wireName)) {
				return category;
			}
		}
		return OTHER;
	}

}
