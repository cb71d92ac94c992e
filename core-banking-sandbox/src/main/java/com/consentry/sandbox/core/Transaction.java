package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An FDX v6 transaction, flat and keyed by {@code accountCategory} (spec/fdx.md §3).
 * {@code amount} is positive; {@code debitCreditMemo} gives the direction. Deposit
 * transactions may carry {@code payee} and {@code checkNumber}, investment transactions
 * the security and units. A pending transaction has no {@code postedTimestamp}.
 *
 * @param accountCategory the account's category
 * @param accountId the account
 * @param transactionId {@code txn-<account>-<yyyymmdd>-<n>}, stable
 * @param postedTimestamp when it posted, absent while pending
 * @param transactionTimestamp when it happened
 * @param description as on a statement line
 * @param memo extra text, if any
 * @param debitCreditMemo {@code DEBIT} or {@code CREDIT}
 * @param category a spending category, e.g. {@code Groceries}
 * @param status {@code PENDING} or {@code POSTED}
 * @param amount positive, two decimals
 * @param transactionType the FDX type of the account category, e.g. {@code POSDEBIT}
 * @param payee deposit accounts: who was paid or who paid
 * @param checkNumber deposit accounts: the check's number, for checks
 * @param symbol investment accounts: the ticker
 * @param securityId investment accounts: the CUSIP
 * @param securityIdType investment accounts: {@code CUSIP}
 * @param units investment accounts: shares bought or sold
 * @param unitPrice investment accounts: the price per share
 * @param date the day it happened (not sent: the filters and ordering use it)
 * @param at the moment it happened, for ordering (not sent)
 * @param sequence its number within the day (not sent)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Transaction(String accountCategory, String accountId, String transactionId,
		@Nullable String postedTimestamp, String transactionTimestamp, String description, @Nullable String memo,
		String debitCreditMemo, String category, String status, BigDecimal amount, String transactionType,
		@Nullable String payee, @Nullable Integer checkNumber, @Nullable String symbol, @Nullable String securityId,
		@Nullable String securityIdType, @Nullable BigDecimal units, @Nullable BigDecimal unitPrice,
		@JsonIgnore LocalDate date, @JsonIgnore LocalDateTime at, @JsonIgnore int sequence) {

	/** Debit direction. */
	public static final String DEBIT = "DEBIT";

	/** Credit direction. */
	public static final String CREDIT = "CREDIT";

	/** Not yet posted: the last two days. */
	public static final String PENDING = "PENDING";

	/** Posted. */
	public static final String POSTED = "POSTED";

	/** Whether this is money in (not sent: {@code debitCreditMemo} says it). */
	@JsonIgnore
	public boolean isCredit() {
		return CREDIT.equals(this.debitCreditMemo);
	}

}
