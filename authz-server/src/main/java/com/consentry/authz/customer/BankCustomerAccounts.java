package com.consentry.authz.customer;

import java.util.List;

import com.consentry.consent.CustomerAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The customer's accounts as the bank's core (the sandbox schema {@code bank}) records
 * them, with numbers masked to their last four digits: the full number never leaves this
 * class.
 */
@Component
final class BankCustomerAccounts implements CustomerAccounts {

	private final JdbcClient jdbc;

	BankCustomerAccounts(JdbcClient jdbc) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		this.jdbc = jdbc;
	}

	@Override
	public List<AccountSummary> accountsOf(String customerId) {
		return this.jdbc
			.sql("SELECT account_id, account_category, account_type, product_name, nickname, account_number "
					+ "FROM bank.account WHERE customer_id = ? AND status = 'OPEN' ORDER BY account_id")
			.param(customerId)
			.query((rs, row) -> new AccountSummary(rs.getString("account_id"), rs.getString("account_category"),
					rs.getString("account_type"), rs.getString("product_name"), rs.getString("nickname"),
					mask(rs.getString("account_number"))))
			.list();
	}

	static String mask(String accountNumber) {
		int visible = Math.min(4, accountNumber.length());
		return "..." + accountNumber.substring(accountNumber.length() - visible);
	}

}
