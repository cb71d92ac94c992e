package com.consentry.sandbox.bank;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code bank.account}.
 *
 * @param accountId the persistent FDX account id (never the account number)
 * @param customerId the owner
 * @param category the FDX {@code accountCategory} as stored, e.g. {@code DEPOSIT_ACCOUNT}
 * @param type the FDX {@code accountType}, e.g. {@code CHECKING}
 * @param productName the product's name
 * @param nickname the customer's name for it
 * @param accountNumber the full account number
 * @param currency ISO 4217 code
 * @param status the FDX account status, e.g. {@code OPEN}
 * @param balance the ledger balance; negative for what the customer owes (cards, loans)
 */
public record BankAccount(String accountId, String customerId, String category, String type, String productName,
		@Nullable String nickname, String accountNumber, String currency, String status, BigDecimal balance) {

	/** The category as far as the sandbox models it. */
	public AccountCategory kind() {
		return AccountCategory.of(this.category);
	}

	/** FDX {@code accountNumberDisplay}: the last four digits, e.g. {@code ...4321}. */
	public String numberDisplay() {
		String number = this.accountNumber;
		return "..." + number.substring(Math.max(0, number.length() - 4));
	}

}
