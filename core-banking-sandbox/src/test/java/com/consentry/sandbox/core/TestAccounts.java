package com.consentry.sandbox.core;

import java.math.BigDecimal;

import com.consentry.sandbox.bank.BankAccount;

/** Accounts of every modelled kind, as {@code bank.account} would hold them. */
final class TestAccounts {

	static final BankAccount CHECKING = account("acc-t-chk", "DEPOSIT_ACCOUNT", "CHECKING", "021000021000123401",
			"2450.17");

	static final BankAccount SAVINGS = account("acc-t-sav", "DEPOSIT_ACCOUNT", "SAVINGS", "021000021000567802",
			"18200.00");

	static final BankAccount CARD = account("acc-t-crd", "LOC_ACCOUNT", "CREDITCARD", "4111111111114321", "-612.40");

	static final BankAccount LOAN = account("acc-t-ln", "LOAN_ACCOUNT", "AUTOLOAN", "LN00004410022", "-14250.00");

	static final BankAccount BROKERAGE = account("acc-t-inv", "INVESTMENT_ACCOUNT", "BROKERAGE", "IV00007730031",
			"52840.25");

	private TestAccounts() {
	}

	static BankAccount account(String id, String category, String type, String number, String balance) {
		return new BankAccount(id, "cust-t", category, type, "Test product", null, number, "USD", "OPEN",
				new BigDecimal(balance));
	}

}
