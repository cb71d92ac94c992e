package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.consentry.sandbox.bank.BankAccount;

import org.springframework.stereotype.Component;

/**
 * An account's monthly statements: one for each of the {@link #MONTHS} complete months
 * before the current one (none before the account opened), newest first, summing the
 * month's transactions from {@link TransactionHistory}.
 */
@Component
public final class Statements {

	/** How many monthly statements are available. */
	public static final int MONTHS = 13;

	private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

	private final TransactionHistory history;

	public Statements(TransactionHistory history) {
		this.history = history;
	}

	/** Newest first. */
	public List<Statement> of(BankAccount account) {
		LocalDate opened = AccountTerms.of(account).openDate();
		YearMonth current = YearMonth.from(this.history.today());
		List<Statement> statements = new ArrayList<>(MONTHS);
		for (int i = 1; i <= MONTHS; i++) {
			YearMonth month = current.minusMonths(i);
			if (month.atEndOfMonth().isBefore(opened)) {
				break;
			}
			statements.add(statement(account, month));
		}
		return statements;
	}

	/** The statement with this id, if the account has it. */
	public Optional<Statement> find(BankAccount account, String statementId) {
		return of(account).stream().filter((s) -> s.statementId().equals(statementId)).findFirst();
	}

	private Statement statement(BankAccount account, YearMonth month) {
		BigDecimal credits = Money.ZERO;
		BigDecimal debits = Money.ZERO;
		List<Transaction> transactions = this.history.between(account, month.atDay(1), month.atEndOfMonth());
		for (Transaction transaction : transactions) {
			if (transaction.isCredit()) {
				credits = credits.add(transaction.amount());
			}
			else {
				debits = debits.add(transaction.amount());
			}
		}
		return new Statement("stmt-" + account.accountId() + "-" + YEAR_MONTH.format(month), account.accountId(),
				month.atEndOfMonth(), month.atDay(1), transactions.size(), credits, debits);
	}

}
