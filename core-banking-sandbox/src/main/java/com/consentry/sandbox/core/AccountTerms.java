package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

import com.consentry.sandbox.bank.BankAccount;
import org.jspecify.annotations.Nullable;

/**
 * The contract terms of an account that the bank's table does not hold, fixed for the
 * account id (and, for amounts that must fit the balance, for the balance).
 *
 * @param openDate when the account was opened; no history before it
 * @param annualPercentageYield deposit accounts: APY in percent
 * @param creditLine cards: the credit limit
 * @param purchasesApr cards: APR on purchases in percent
 * @param interestRate loans: the rate in percent
 * @param originalPrincipal loans: the amount lent
 * @param loanTermMonths loans: the term in months, else 0
 * @param monthlyPayment loans: the monthly instalment
 * @param monthlyContribution investment accounts: the automatic monthly investment
 */
public record AccountTerms(LocalDate openDate, @Nullable BigDecimal annualPercentageYield,
		@Nullable BigDecimal creditLine, @Nullable BigDecimal purchasesApr, @Nullable BigDecimal interestRate,
		@Nullable BigDecimal originalPrincipal, int loanTermMonths, @Nullable BigDecimal monthlyPayment,
		@Nullable BigDecimal monthlyContribution) {

	/** Card payments are due on this day of the month. */
	public static final int CARD_DUE_DAY = 25;

	/** Loan instalments are due on this day of the month. */
	public static final int LOAN_DUE_DAY = 5;

	private static final LocalDate EARLIEST_OPENING = LocalDate.of(2014, 1, 1);

	/**
	 * Loans run for years from their opening, so they open recently enough to be running.
	 */
	private static final LocalDate EARLIEST_LOAN = LocalDate.of(2023, 1, 1);

	public static AccountTerms of(BankAccount account) {
		String id = account.accountId();
		BigDecimal owed = account.balance().negate().max(BigDecimal.ZERO);
		return switch (account.kind()) {
			case DEPOSIT_ACCOUNT ->
				new AccountTerms(opened(id), account.type().equals("CHECKING") ? new BigDecimal("0.01")
						: choose(id, "apy", "3.90", "4.10", "4.25"), null, null, null, null, 0, null, null);
			case LOC_ACCOUNT -> {
				BigDecimal line = choose(id, "line", "5000", "7500", "10000", "12000");
				// the limit always leaves room above what is owed
				BigDecimal floor = owed.divide(BigDecimal.valueOf(1000), 0, RoundingMode.CEILING)
					.add(BigDecimal.valueOf(2))
					.multiply(BigDecimal.valueOf(1000));
				yield new AccountTerms(opened(id), null, Money.round(line.max(floor)),
						choose(id, "apr", "19.99", "22.99", "24.49"), null, null, 0, null, null);
			}
			case LOAN_ACCOUNT -> {
				BigDecimal rate = choose(id, "rate", "5.49", "6.49", "7.24");
				int term = (Seed.pick(2, id, "term") == 0) ? 60 : 72;
				BigDecimal principal = owed.multiply(new BigDecimal("1.6"))
					.divide(BigDecimal.valueOf(1000), 0, RoundingMode.CEILING)
					.multiply(BigDecimal.valueOf(1000))
					.max(BigDecimal.valueOf(5000));
				LocalDate opened = EARLIEST_LOAN.plusDays(Seed.pick(700, id, "opened"));
				yield new AccountTerms(opened, null, null, null, rate, Money.round(principal), term,
						instalment(principal, rate, term), null);
			}
			case INVESTMENT_ACCOUNT -> new AccountTerms(opened(id), null, null, null, null, null, 0, null,
					Money.dollars(250L * (1 + Seed.pick(4, id, "contribution"))));
			case OTHER -> new AccountTerms(opened(id), null, null, null, null, null, 0, null, null);
		};
	}

	/** Loans: when the last instalment is due. */
	public @Nullable LocalDate maturityDate() {
		return (this.loanTermMonths == 0) ? null
				: this.openDate.plusMonths(this.loanTermMonths).withDayOfMonth(LOAN_DUE_DAY);
	}

	private static LocalDate opened(String accountId) {
		return EARLIEST_OPENING.plusDays(Seed.pick(2500, accountId, "opened"));
	}

	private static BigDecimal choose(String accountId, String what, String... values) {
		return new BigDecimal(values[Seed.pick(values.length, accountId, what)]);
	}

	/** The annuity formula: principal × r / (1 − (1 + r)^−n), r the monthly rate. */
	static BigDecimal instalment(BigDecimal principal, BigDecimal annualRatePercent, int months) {
		double r = annualRatePercent.doubleValue() / 100 / 12;
		double payment = principal.doubleValue() * r / (1 - Math.pow(1 + r, -months));
		return new BigDecimal(payment, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
	}

}
