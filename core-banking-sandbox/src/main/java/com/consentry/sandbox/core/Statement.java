package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A monthly statement: the calendar month ending on {@code statementDate}, with the
 * totals of that month's transactions.
 *
 * @param statementId {@code stmt-<account>-<yyyymm>}, stable
 * @param accountId the account
 * @param statementDate the last day of the month
 * @param periodStart the first day of the month
 * @param transactionCount how many transactions the month had
 * @param totalCredits money in
 * @param totalDebits money out
 */
public record Statement(String statementId, String accountId, LocalDate statementDate, LocalDate periodStart,
		int transactionCount, BigDecimal totalCredits, BigDecimal totalDebits) {
}
