package com.consentry.sandbox.customers;

import com.consentry.sandbox.bank.BankRecords;
import com.consentry.sandbox.core.CustomerProfile;
import com.consentry.sandbox.fdx.CustomerHeader;
import com.consentry.sandbox.fdx.FdxError;
import com.consentry.sandbox.fdx.FdxException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * getCustomerInfo: {@code GET /fdx/v6/customers/current}, the customer named in
 * {@code x-consentry-customer-id} (400 {@code 401} without it, 404 {@code 601} for one
 * the bank does not know).
 */
@RestController
final class CustomersController {

	private final BankRecords bank;

	CustomersController(BankRecords bank) {
		this.bank = bank;
	}

	@GetMapping("/fdx/v6/customers/current")
	Customer current(HttpServletRequest request) {
		String customerId = CustomerHeader.required(request);
		return this.bank.customer(customerId)
			.map((customer) -> Customer.of(CustomerProfile.of(customer), this.bank.accountsOf(customerId)))
			.orElseThrow(() -> new FdxException(FdxError.CUSTOMER_NOT_FOUND));
	}

}
