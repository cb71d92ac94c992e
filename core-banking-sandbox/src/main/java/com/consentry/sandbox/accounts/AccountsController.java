package com.consentry.sandbox.accounts;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.consentry.sandbox.bank.AccountCategory;
import com.consentry.sandbox.bank.BankAccount;
import com.consentry.sandbox.bank.BankRecords;
import com.consentry.sandbox.core.CustomerProfile;
import com.consentry.sandbox.fdx.CustomerHeader;
import com.consentry.sandbox.fdx.FdxError;
import com.consentry.sandbox.fdx.FdxException;
import com.consentry.sandbox.fdx.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /fdx/v6/accounts}: the search, one account, its payment networks and its contact
 * data. The sandbox serves any account it is asked about: which accounts a partner may
 * see is the gateway's decision.
 */
@RestController
@RequestMapping("/fdx/v6/accounts")
final class AccountsController {

	private static final int MAX_ACCOUNT_IDS = 100;

	private final BankRecords bank;

	private final AccountViews views;

	AccountsController(BankRecords bank, AccountViews views) {
		this.bank = bank;
		this.views = views;
	}

	/**
	 * searchForAccounts: with {@code accountIds} exactly those accounts that exist, in
	 * the order asked; without, the accounts of the customer in
	 * {@code x-consentry-customer-id}.
	 */
	@GetMapping
	Map<String, Object> search(@RequestParam(required = false) @Nullable String accountIds,
			@RequestParam(required = false) @Nullable String resultType, HttpServletRequest request) {
		boolean details = resultType(resultType);
		PageRequest page = PageRequest.of(request);
		List<BankAccount> accounts;
		if (accountIds != null) {
			accounts = this.bank.accounts(accountIds(accountIds));
		}
		else {
			String customerId = CustomerHeader.required(request);
			accounts = this.bank.accountsOf(customerId);
			if (accounts.isEmpty() && this.bank.customer(customerId).isEmpty()) {
				throw new FdxException(FdxError.CUSTOMER_NOT_FOUND);
			}
		}
		List<?> views = accounts.stream()
			.map((account) -> details ? this.views.details(account) : this.views.descriptor(account))
			.toList();
		return page.body("accounts", views, request, Map.of());
	}

	/** getAccount: AccountWithDetails. */
	@GetMapping("/{accountId}")
	AccountDetails account(@PathVariable String accountId) {
		return this.views.details(account(this.bank, accountId));
	}

	/** getAccountPaymentNetworks: ACH and wire for deposit accounts, none for others. */
	@GetMapping("/{accountId}/payment-networks")
	Map<String, Object> paymentNetworks(@PathVariable String accountId, HttpServletRequest request) {
		BankAccount account = account(this.bank, accountId);
		PageRequest page = PageRequest.of(request);
		List<PaymentNetwork> networks = (account.kind() != AccountCategory.DEPOSIT_ACCOUNT) ? List.of()
				: List.of(
						new PaymentNetwork(PaymentNetwork.ROUTING_NUMBER, account.accountNumber(), "ACCOUNT_NUMBER",
								"US_ACH", true, true),
						// outgoing wires are ordered at the bank, not through a partner
						new PaymentNetwork(PaymentNetwork.ROUTING_NUMBER, account.accountNumber(), "ACCOUNT_NUMBER",
								"US_FEDWIRE", true, false));
		return page.body("paymentNetworks", networks, request, Map.of());
	}

	/** getAccountContact: the holder's name, email, address and telephones. */
	@GetMapping("/{accountId}/contact")
	AccountContact contact(@PathVariable String accountId) {
		BankAccount account = account(this.bank, accountId);
		return this.bank.customer(account.customerId())
			.map((customer) -> AccountContact.of(CustomerProfile.of(customer)))
			.orElseThrow(() -> new FdxException(FdxError.CUSTOMER_NOT_FOUND));
	}

	/** The account, or 404 {@code 701}. */
	private static BankAccount account(BankRecords bank, String accountId) {
		return bank.account(accountId).orElseThrow(() -> new FdxException(FdxError.ACCOUNT_NOT_FOUND));
	}

	private static boolean resultType(@Nullable String resultType) {
		if (resultType == null || resultType.equals("lightweight")) {
			return false;
		}
		if (resultType.equals("details")) {
			return true;
		}
		throw new FdxException(FdxError.INVALID_INPUT, "resultType is lightweight or details");
	}

	private static Set<String> accountIds(String accountIds) {
		Set<String> ids = new LinkedHashSet<>();
		Arrays.stream(accountIds.split(",")).map(String::trim).filter((id) -> !id.isEmpty()).forEach(ids::add);
		if (ids.isEmpty() || ids.size() > MAX_ACCOUNT_IDS) {
			throw new FdxException(FdxError.INVALID_INPUT,
					"accountIds is a comma-separated list of 1 to " + MAX_ACCOUNT_IDS + " account ids");
		}
		return ids;
	}

}
