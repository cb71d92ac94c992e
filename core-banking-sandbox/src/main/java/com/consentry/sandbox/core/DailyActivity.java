package com.consentry.sandbox.core;

import com.consentry.sandbox.bank.BankAccount;

/** What happens on an account of one kind in one day. */
interface DailyActivity {

	/** Records the day's transactions in {@code book}. */
	void record(DayBook book);

	/** The activity for this account's category and type. */
	static DailyActivity of(BankAccount account) {
		return switch (account.kind()) {
			case DEPOSIT_ACCOUNT ->
				account.type().equals("CHECKING") ? new CheckingActivity(account) : new SavingsActivity(account);
			case LOC_ACCOUNT -> new CardActivity(account);
			case LOAN_ACCOUNT -> new LoanActivity();
			case INVESTMENT_ACCOUNT -> new InvestmentActivity(account);
			case OTHER -> (book) -> {
			};
		};
	}

}
