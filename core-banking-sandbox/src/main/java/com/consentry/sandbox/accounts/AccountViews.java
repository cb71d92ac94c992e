package com.consentry.sandbox.accounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import com.consentry.sandbox.bank.BankAccount;
import com.consentry.sandbox.core.AccountTerms;
import com.consentry.sandbox.core.Portfolio;
import com.consentry.sandbox.core.Transaction;
import com.consentry.sandbox.core.TransactionHistory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Builds the FDX views of an account from the bank's record, its terms and its generated
 * history, so that balances agree with the transactions: pending debits reduce what is
 * available, interest this year is the interest paid, the last card payment is the latest
 * PAYMENT.
 */
@Component
final class AccountViews {

	private static final BigDecimal MINIMUM_PAYMENT_FLOOR = new BigDecimal("25.00");

	private final TransactionHistory history;

	AccountViews(TransactionHistory history) {
		this.history = history;
	}

	AccountDescriptor descriptor(BankAccount account) {
		return new AccountDescriptor(account.category(), account.accountId(), account.type(), account.numberDisplay(),
				account.productName(), account.nickname(), account.status(),
				new AccountDescriptor.Currency(account.currency()),
				account.productName() + " " + account.numberDisplay(), AccountTerms.of(account).openDate());
	}

	AccountDetails details(BankAccount account) {
		AccountDescriptor descriptor = descriptor(account);
		AccountTerms terms = AccountTerms.of(account);
		LocalDate today = this.history.today();
		// nothing posts today (today's transactions are pending), so the day opened at
		// the ledger balance
		String asOf = today + "T00:00:00.000Z";
		BigDecimal balance = account.balance().setScale(2, RoundingMode.HALF_EVEN);
		BigDecimal owed = balance.negate().max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN);
		return switch (account.kind()) {
			case DEPOSIT_ACCOUNT -> new AccountDetails.Deposit(descriptor, account.accountNumber(), balance,
					balance.subtract(pendingDebits(account)), asOf, balance, terms.annualPercentageYield(),
					interestThisYear(account, today));
			case LOC_ACCOUNT -> {
				Transaction payment = lastPayment(account);
				BigDecimal line = (terms.creditLine() != null) ? terms.creditLine() : BigDecimal.ZERO;
				yield new AccountDetails.LineOfCredit(descriptor, account.accountNumber(), owed, asOf,
						terms.creditLine(), line.subtract(owed).subtract(pendingDebits(account)).max(BigDecimal.ZERO),
						minimumPayment(owed), nextDue(today, AccountTerms.CARD_DUE_DAY),
						(payment != null) ? payment.amount() : null, (payment != null) ? payment.date() : null,
						terms.purchasesApr());
			}
			case LOAN_ACCOUNT -> {
				BigDecimal instalment = (terms.monthlyPayment() != null) ? terms.monthlyPayment() : owed;
				yield new AccountDetails.Loan(descriptor, account.accountNumber(), asOf, owed, terms.interestRate(),
						terms.originalPrincipal(), terms.loanTermMonths(), instalment.min(owed),
						nextDue(today, AccountTerms.LOAN_DUE_DAY), terms.maturityDate());
			}
			case INVESTMENT_ACCOUNT -> {
				Portfolio portfolio = Portfolio.of(account, today);
				yield new AccountDetails.Investment(descriptor, account.accountNumber(), portfolio.currentValue(),
						portfolio.cash(), asOf, portfolio.holdings());
			}
			case OTHER -> new AccountDetails.Basic(descriptor, account.accountNumber());
		};
	}

	private BigDecimal pendingDebits(BankAccount account) {
		return this.history.of(account)
			.stream()
			.takeWhile((t) -> Transaction.PENDING.equals(t.status()))
			.filter((t) -> !t.isCredit())
			.map(Transaction::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private BigDecimal interestThisYear(BankAccount account, LocalDate today) {
		return this.history.between(account, today.withDayOfYear(1), today)
			.stream()
			.filter((t) -> t.isCredit() && "INTEREST".equals(t.transactionType()))
			.map(Transaction::amount)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	private @Nullable Transaction lastPayment(BankAccount account) {
		return this.history.of(account)
			.stream()
			.filter((t) -> t.isCredit() && "PAYMENT".equals(t.transactionType()))
			.findFirst()
			.orElse(null);
	}

	/** 2 % of what is owed, at least 25.00, never more than what is owed. */
	private static BigDecimal minimumPayment(BigDecimal owed) {
		BigDecimal twoPercent = owed.multiply(new BigDecimal("0.02")).setScale(2, RoundingMode.HALF_EVEN);
		return twoPercent.max(MINIMUM_PAYMENT_FLOOR).min(owed);
	}

	/** The next {@code dueDay} of a month after today. */
	private static LocalDate nextDue(LocalDate today, int dueDay) {
		LocalDate thisMonth = today.withDayOfMonth(dueDay);
		return thisMonth.isAfter(today) ? thisMonth : thisMonth.plusMonths(1);
	}

}
