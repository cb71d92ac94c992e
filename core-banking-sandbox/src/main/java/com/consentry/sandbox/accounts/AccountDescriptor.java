package com.consentry.sandbox.accounts;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The FDX account descriptor: what identifies an account, never its balances or full
 * number (the lightweight search result).
 *
 * @param accountCategory e.g. {@code DEPOSIT_ACCOUNT}
 * @param accountId the persistent id
 * @param accountType e.g. {@code CHECKING}
 * @param accountNumberDisplay the masked number, {@code ...4321}
 * @param productName the product
 * @param nickname the customer's name for it
 * @param status e.g. {@code OPEN}
 * @param currency its currency
 * @param description product and masked number
 * @param accountOpenDate when it was opened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AccountDescriptor(String accountCategory, String accountId, String accountType, String accountNumberDisplay,
		String productName, @Nullable String nickname, String status, Currency currency, String description,
		LocalDate accountOpenDate) {

	/**
	 * FDX Currency.
	 *
	 * @param currencyCode ISO 4217
	 */
	record Currency(String currencyCode) {
	}

}
