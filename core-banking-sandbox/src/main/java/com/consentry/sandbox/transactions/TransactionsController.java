package com.consentry.sandbox.transactions;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.consentry.sandbox.bank.BankAccount;
import com.consentry.sandbox.bank.BankRecords;
import com.consentry.sandbox.core.Transaction;
import com.consentry.sandbox.core.TransactionHistory;
import com.consentry.sandbox.fdx.DateRange;
import com.consentry.sandbox.fdx.FdxError;
import com.consentry.sandbox.fdx.FdxException;
import com.consentry.sandbox.fdx.PageRequest;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * searchForAccountTransactions: {@code GET /fdx/v6/accounts/{accountId}/transactions}
 * with {@code startTime}/{@code endTime} (or {@code startDate}/{@code endDate}), both or
 * neither; neither means the last {@value #DEFAULT_DAYS} days. A range reaching before
 * the history (or after today) is served for the days there are; newest first.
 */
@RestController
final class TransactionsController {

	/** The days searched when the request names no dates, today included. */
	static final int DEFAULT_DAYS = 30;

	private final BankRecords bank;

	private final TransactionHistory history;

	TransactionsController(BankRecords bank, TransactionHistory history) {
		this.bank = bank;
		this.history = history;
	}

	@GetMapping("/fdx/v6/accounts/{accountId}/transactions")
	Map<String, Object> search(@PathVariable String accountId, HttpServletRequest request) {
		LocalDate today = this.history.today();
		DateRange asked = DateRange.of(request, today.minusDays(DEFAULT_DAYS - 1), today);
		PageRequest page = PageRequest.of(request);
		BankAccount account = this.bank.account(accountId)
			.orElseThrow(() -> new FdxException(FdxError.ACCOUNT_NOT_FOUND));
		DateRange range = asked.within(this.history.earliest(), today);
		List<Transaction> transactions = this.history.between(account, range.from(), range.to());
		// a default range is written into the next link, so that every page answers the
		// same search
		Map<String, String> implied = new LinkedHashMap<>();
		if (!asked.explicit()) {
			implied.put("startTime", asked.from().toString());
			implied.put("endTime", asked.to().toString());
		}
		return page.body("transactions", transactions, request, implied);
	}

}
