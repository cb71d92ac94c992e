package com.consentry.authz.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import com.consentry.authz.admin.BankAdmins;
import com.consentry.authz.customer.CustomerLogins;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the sandbox bank with the demo customers and the demo bank admin, and prints how
 * to use them. Idempotent: a restart keeps what is there. Never active unless
 * {@code consentry.demo.enabled=true}, which only the default run sets.
 */
@Component
@ConditionalOnProperty(name = "consentry.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoData.class);

	static final List<DemoCustomer> CUSTOMERS = List.of(
			new DemoCustomer("alice", "alice-demo-pass", "cust-alice-0001", "Alice", "Archer",
					List.of(new DemoAccount("acc-alice-chk-01", "DEPOSIT_ACCOUNT", "CHECKING", "Everyday Checking",
							"Bills", "021000021000123401", "2450.17"),
							new DemoAccount("acc-alice-sav-02", "DEPOSIT_ACCOUNT", "SAVINGS", "High-Yield Savings",
									"Rainy day", "021000021000567802", "18200.00"),
							new DemoAccount("acc-alice-crd-03", "LOC_ACCOUNT", "CREDITCARD", "Cashback Visa", null,
									"4111111111114321", "-612.40"))),
			new DemoCustomer("bob", "bob-demo-pass", "cust-bob-0002", "Bob", "Baker",
					List.of(new DemoAccount("acc-bob-chk-01", "DEPOSIT_ACCOUNT", "CHECKING", "Everyday Checking", null,
							"021000021000998801", "310.55"),
							new DemoAccount("acc-bob-ln-02", "LOAN_ACCOUNT", "AUTOLOAN", "Auto Loan", "Car",
									"LN00004410022", "-14250.00"),
							new DemoAccount("acc-bob-inv-03", "INVESTMENT_ACCOUNT", "BROKERAGE",
									"Self-Directed Brokerage", null, "IV00007730031", "52840.25"))));

	static final String ADMIN_USERNAME = "admin";

	static final String ADMIN_PASSWORD = "admin-demo-pass";

	private final JdbcClient jdbc;

	private final CustomerLogins logins;

	private final BankAdmins admins;

	private final Clock clock;

	private final PasswordEncoder passwords;

	private final String issuer;

	private final String directoryJwks;

	DemoData(JdbcClient jdbc, CustomerLogins logins, BankAdmins admins, Clock clock, PasswordEncoder passwords,
			AuthorizationServerSettings server,
			@Value("${consentry.registry.directory.jwks-uri:}") String directoryJwks) {
		this.jdbc = jdbc;
		this.logins = logins;
		this.admins = admins;
		this.clock = clock;
		this.passwords = passwords;
		this.issuer = server.getIssuer();
		this.directoryJwks = directoryJwks;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (DemoCustomer customer : CUSTOMERS) {
			this.jdbc
				.sql("INSERT INTO bank.customer (customer_id, given_name, family_name, email) VALUES (?, ?, ?, ?) "
						+ "ON CONFLICT (customer_id) DO NOTHING")
				.params(customer.customerId(), customer.givenName(), customer.familyName(),
						customer.username() + "@example.com")
				.update();
			for (DemoAccount account : customer.accounts()) {
				this.jdbc.sql("INSERT INTO bank.account (account_id, customer_id, account_category, account_type, "
						+ "product_name, nickname, account_number, current_balance) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
						+ "ON CONFLICT (account_id) DO NOTHING")
					.params(account.accountId(), customer.customerId(), account.category(), account.type(),
							account.productName(), account.nickname(), account.number(),
							new BigDecimal(account.balance()))
					.update();
			}
			boolean exists = this.jdbc.sql("SELECT count(*) FROM authz.customer_login WHERE username = ?")
				.param(customer.username())
				.query(Integer.class)
				.single() > 0;
			// the check only spares a hash on restarts; the insert itself never
			// overwrites (two instances start)
			if (!exists) {
				this.logins.saveIfAbsent(customer.username(), customer.customerId(),
						this.passwords.encode(customer.password()));
			}
		}
		// the demo bank admin, like the customers: kept across restarts, never
		// overwritten
		if (!this.admins.exists(ADMIN_USERNAME)) {
			this.admins.saveIfAbsent(ADMIN_USERNAME, "Demo bank admin", this.passwords.encode(ADMIN_PASSWORD),
					this.clock.instant());
		}
		logger.info("""

				==================================================================
				 Consentry authorization server (demo data: default run only)
				 Issuer / discovery : %1$s/.well-known/openid-configuration
				 JWKS               : %1$s/oauth2/jwks
				 Registration       : POST %1$s/register (software_statement)
				 Directory keys     : %2$s
				 Customers          : alice, bob (3 accounts each)
				 Bank console       : %1$s/admin, as admin (a passkey once enrolled)
				 Passwords          : README.md, "Run the platform" (never in a log)
				 Stop with Ctrl-C.
				==================================================================
				""".formatted(this.issuer, this.directoryJwks.isBlank() ? "(none configured)" : this.directoryJwks));
	}

	record DemoCustomer(String username, String password, String customerId, String givenName, String familyName,
			List<DemoAccount> accounts) {
	}

	record DemoAccount(String accountId, String category, String type, String productName, String nickname,
			String number, String balance) {
	}

}
