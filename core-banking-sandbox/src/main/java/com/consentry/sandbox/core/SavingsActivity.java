package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import com.consentry.sandbox.bank.BankAccount;

/**
 * A savings account: interest on the last day of the month, a standing transfer in on the
 * 16th, and now and then a transfer out to checking.
 */
final class SavingsActivity implements DailyActivity {

	private final BigDecimal monthlyInterest;

	private final BigDecimal transferIn;

	SavingsActivity(BankAccount account) {
		BigDecimal apy = AccountTerms.of(account).annualPercentageYield();
		BigDecimal balance = account.balance().max(BigDecimal.ZERO);
		this.monthlyInterest = (apy != null)
				? balance.multiply(apy).divide(BigDecimal.valueOf(1200), 2, RoundingMode.HALF_EVEN) : Money.ZERO;
		this.transferIn = Money.dollars(100 + 50L * Seed.pick(8, account.accountId(), "saving"));
	}

	@Override
	public void record(DayBook book) {
		LocalDate day = book.day();
		if (day.getDayOfMonth() == day.lengthOfMonth() && this.monthlyInterest.signum() > 0) {
			// the balance moved during the year: a few percent either way
			BigDecimal factor = BigDecimal.valueOf(94 + book.random().nextInt(13), 2);
			book.credit(this.monthlyInterest.multiply(factor), "INTEREST PAYMENT")
				.at(23, 0)
				.category("Interest")
				.type("INTEREST");
		}
		if (day.getDayOfMonth() == 16) {
			book.credit(this.transferIn, "ONLINE TRANSFER FROM CHECKING")
				.at(5, 0)
				.category("Transfer")
				.type("TRANSFER")
				.memo("Monthly savings");
		}
		if (book.chance(0.008)) {
			book.debit(Money.dollars(100L * (2 + book.random().nextInt(14))), "ONLINE TRANSFER TO CHECKING")
				.category("Transfer")
				.type("TRANSFER");
		}
	}

}
