package com.consentry.authz.customer;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A customer of a test's own (sign-in, one checking account at the sandbox bank), so that
 * the passkeys a test adds meet no other test.
 */
record TestCustomer(String username, String customerId, String password, String accountId) {

	static TestCustomer create(JdbcClient jdbc, CustomerLogins logins, PasswordEncoder passwords) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		TestCustomer customer = new TestCustomer("pk-" + suffix, "cust-pk-" + suffix, "pk-pass-" + suffix,
				"acc-pk-" + suffix);
		jdbc.sql("INSERT INTO bank.customer (customer_id, given_name, family_name) VALUES (?, 'Pat', 'Key')")
			.param(customer.customerId())
			.update();
		jdbc.sql("INSERT INTO bank.account (account_id, customer_id, account_category, account_type, product_name, "
				+ "account_number) VALUES (?, ?, 'DEPOSIT_ACCOUNT', 'CHECKING', 'Everyday Checking', ?)")
			.params(customer.accountId(), customer.customerId(), "02100002" + Math.abs(suffix.hashCode()))
			.update();
		logins.save(customer.username(), customer.customerId(), passwords.encode(customer.password()));
		return customer;
	}

}
