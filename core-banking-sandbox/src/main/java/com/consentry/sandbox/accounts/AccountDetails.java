package com.consentry.sandbox.accounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.consentry.sandbox.core.Holding;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

/**
 * FDX AccountWithDetails, one shape per category: the descriptor's fields, the full
 * account number (FDX 6 still carries it, deprecated in favour of payment networks) and
 * the category's balances and terms, all in one flat object.
 */
sealed interface AccountDetails {

	/**
	 * Checking, savings.
	 *
	 * @param descriptor the descriptor's fields, inline
	 * @param accountNumber the full number
	 * @param currentBalance the ledger balance
	 * @param availableBalance the ledger balance less pending debits
	 * @param balanceAsOf when the balances were taken
	 * @param openingDayBalance the balance at the start of the day
	 * @param annualPercentageYield APY in percent
	 * @param interestYtd interest paid this calendar year
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Deposit(@JsonUnwrapped AccountDescriptor descriptor, String accountNumber, BigDecimal currentBalance,
			BigDecimal availableBalance, String balanceAsOf, BigDecimal openingDayBalance,
			@Nullable BigDecimal annualPercentageYield, BigDecimal interestYtd) implements AccountDetails {
	}

	/**
	 * Credit cards and lines of credit.
	 *
	 * @param descriptor the descriptor's fields, inline
	 * @param accountNumber the full number
	 * @param currentBalance what is owed
	 * @param balanceAsOf when the balances were taken
	 * @param creditLine the limit
	 * @param availableCredit the limit less what is owed and pending
	 * @param minimumPaymentAmount due by the due date
	 * @param paymentDueDate the next due date
	 * @param lastPaymentAmount the latest payment
	 * @param lastPaymentDate its date
	 * @param purchasesApr APR on purchases in percent
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record LineOfCredit(@JsonUnwrapped AccountDescriptor descriptor, String accountNumber, BigDecimal currentBalance,
			String balanceAsOf, @Nullable BigDecimal creditLine, BigDecimal availableCredit,
			BigDecimal minimumPaymentAmount, LocalDate paymentDueDate, @Nullable BigDecimal lastPaymentAmount,
			@Nullable LocalDate lastPaymentDate, @Nullable BigDecimal purchasesApr) implements AccountDetails {
	}

	/**
	 * Loans.
	 *
	 * @param descriptor the descriptor's fields, inline
	 * @param accountNumber the full number
	 * @param balanceAsOf when the balances were taken
	 * @param principalBalance what is still owed
	 * @param interestRate in percent
	 * @param originalPrincipal the amount lent
	 * @param loanTerm months
	 * @param nextPaymentAmount the next instalment
	 * @param nextPaymentDate its date
	 * @param maturityDate the last instalment's date
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Loan(@JsonUnwrapped AccountDescriptor descriptor, String accountNumber, String balanceAsOf,
			BigDecimal principalBalance, @Nullable BigDecimal interestRate, @Nullable BigDecimal originalPrincipal,
			int loanTerm, BigDecimal nextPaymentAmount, LocalDate nextPaymentDate,
			@Nullable LocalDate maturityDate) implements AccountDetails {
	}

	/**
	 * Brokerage accounts.
	 *
	 * @param descriptor the descriptor's fields, inline
	 * @param accountNumber the full number
	 * @param currentValue positions and cash
	 * @param availableCashBalance cash
	 * @param balanceAsOf when the values were taken
	 * @param holdings the positions
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Investment(@JsonUnwrapped AccountDescriptor descriptor, String accountNumber, BigDecimal currentValue,
			BigDecimal availableCashBalance, String balanceAsOf, List<Holding> holdings) implements AccountDetails {
	}

	/**
	 * A category the sandbox does not model: the descriptor and the number.
	 *
	 * @param descriptor the descriptor's fields, inline
	 * @param accountNumber the full number
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Basic(@JsonUnwrapped AccountDescriptor descriptor, String accountNumber) implements AccountDetails {
	}

}
