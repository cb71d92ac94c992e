package com.consentry.sandbox.bank;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads customers and accounts. Rows found by id are kept for {@link #FRESHNESS} (at most
 * a few thousand), so that the gateway's requests for one account cost no round trip; an
 * absent row is never remembered, so an account the bank adds is served at once. Each
 * method uses at most one connection, for one statement.
 */
@Component
public final class BankRecords {

	/** How long a changed row may still be served as it was. */
	static final Duration FRESHNESS = Duration.ofSeconds(5);

	private static final String ACCOUNT_COLUMNS = "SELECT account_id, customer_id, account_category, account_type, "
			+ "product_name, nickname, account_number, currency, status, current_balance FROM bank.account ";

	private static final RowMapper<BankAccount> ACCOUNT = (row, n) -> new BankAccount(row.getString("account_id"),
			row.getString("customer_id"), row.getString("account_category"), row.getString("account_type"),
			row.getString("product_name"), row.getString("nickname"), row.getString("account_number"),
			row.getString("currency"), row.getString("status"), row.getBigDecimal("current_balance"));

	private final JdbcClient jdbc;

	private final Cache<String, BankAccount> accounts = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(FRESHNESS)
		.build();

	private final Cache<String, BankCustomer> customers = Caffeine.newBuilder()
		.maximumSize(2_000)
		.expireAfterWrite(FRESHNESS)
		.build();

	BankRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account with this id, whoever owns it. */
	public Optional<BankAccount> account(String accountId) {
		BankAccount cached = this.accounts.getIfPresent(accountId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<BankAccount> found = this.jdbc.sql(ACCOUNT_COLUMNS + "WHERE account_id = ?")
			.param(accountId)
			.query(ACCOUNT)
			.optional();
		found.ifPresent((account) -> this.accounts.put(accountId, account));
		return found;
	}

	/** Those of {@code accountIds} that exist, in the order asked. */
	public List<BankAccount> accounts(Collection<String> accountIds) {
		Map<String, BankAccount> cached = this.accounts.getAllPresent(accountIds);
		List<String> missing = accountIds.stream().filter((id) -> !cached.containsKey(id)).toList();
		Map<String, BankAccount> found = new HashMap<>(cached);
		if (!missing.isEmpty()) {
			this.jdbc.sql(ACCOUNT_COLUMNS + "WHERE account_id = ANY (?)")
				.param(missing.toArray(String[]::new))
				.query(ACCOUNT)
				.list()
				.forEach((account) -> {
					found.put(account.accountId(), account);
					this.accounts.put(account.accountId(), account);
				});
		}
		List<BankAccount> ordered = new ArrayList<>();
		for (String id : accountIds) {
			BankAccount account = found.get(id);
			if (account != null) {
				ordered.add(account);
			}
		}
		return ordered;
	}

	/**
	 * The customer's accounts, by account id. Always read (one indexed query), so that an
	 * account the bank opens is listed at once.
	 */
	public List<BankAccount> accountsOf(String customerId) {
		List<BankAccount> owned = this.jdbc.sql(ACCOUNT_COLUMNS + "WHERE customer_id = ? ORDER BY account_id")
			.param(customerId)
			.query(ACCOUNT)
			.list();
		owned.forEach((account) -> this.accounts.put(account.accountId(), account));
		return owned;
	}

	/** The customer with this id. */
	public Optional<BankCustomer> customer(String customerId) {
		BankCustomer cached = this.customers.getIfPresent(customerId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<BankCustomer> found = this.jdbc
			.sql("SELECT customer_id, given_name, family_name, email FROM bank.customer WHERE customer_id = ?")
			.param(customerId)
			.query((row, n) -> new BankCustomer(row.getString("customer_id"), row.getString("given_name"),
					row.getString("family_name"), row.getString("email")))
			.optional();
		found.ifPresent((customer) -> this.customers.put(customerId, customer));
		return found;
	}

}
