package com.consentry.sandbox.core;

import java.math.BigDecimal;

/** A loan: the instalment, paid on the due date every month. */
final class LoanActivity implements DailyActivity {

	@Override
	public void record(DayBook book) {
		BigDecimal instalment = book.terms().monthlyPayment();
		if (book.day().getDayOfMonth() == AccountTerms.LOAN_DUE_DAY && instalment != null) {
			book.credit(instalment, "LOAN PAYMENT - THANK YOU")
				.at(6, 0)
				.category("Loan Payment")
				.type("PAYMENT")
				.memo("Automatic payment from checking");
		}
	}

}
