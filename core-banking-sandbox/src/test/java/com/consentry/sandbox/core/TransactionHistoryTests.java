package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.consentry.sandbox.bank.BankAccount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated histories: the same on every run, realistic for each kind of account,
 * newest first, PENDING only in the last two days.
 */
class TransactionHistoryTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

	static Stream<BankAccount> accounts() {
		return Stream.of(TestAccounts.CHECKING, TestAccounts.SAVINGS, TestAccounts.CARD, TestAccounts.LOAN,
				TestAccounts.BROKERAGE);
	}

	@ParameterizedTest
	@MethodSource("accounts")
	@DisplayName("Deterministic: the same account gives the same transactions, and a past day reads the same tomorrow")
	void sameAnswerEveryTime(BankAccount account) {
		List<Transaction> first = TransactionHistory.generate(account, TODAY);
		assertThat(TransactionHistory.generate(account, TODAY)).isEqualTo(first);
		List<Transaction> tomorrow = TransactionHistory.generate(account, TODAY.plusDays(1));
		LocalDate settled = TODAY.minusDays(2);
		List<String> before = first.stream()
			.filter((t) -> !t.date().isAfter(settled) && t.date().isAfter(TODAY.minusMonths(23)))
			.map((t) -> t.transactionId() + " " + t.amount() + " " + t.description())
			.toList();
		List<String> after = tomorrow.stream()
			.filter((t) -> !t.date().isAfter(settled) && t.date().isAfter(TODAY.minusMonths(23)))
			.map((t) -> t.transactionId() + " " + t.amount() + " " + t.description())
			.toList();
		assertThat(after).isEqualTo(before).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("accounts")
	@DisplayName("At least 13 months of history, newest first, stable unique ids txn-<account>-<yyyymmdd>-<n>")
	void historyShape(BankAccount account) {
		List<Transaction> history = TransactionHistory.generate(account, TODAY);
		Set<YearMonth> months = history.stream().map((t) -> YearMonth.from(t.date())).collect(Collectors.toSet());
		for (int i = 0; i <= 13; i++) {
			assertThat(months).as("month %d back", i).contains(YearMonth.from(TODAY).minusMonths(i));
		}
		assertThat(history).isSortedAccordingTo(TransactionHistory.NEWEST_FIRST);
		Set<String> ids = new HashSet<>();
		for (Transaction transaction : history) {
			assertThat(ids.add(transaction.transactionId())).as(transaction.transactionId()).isTrue();
			assertThat(transaction.transactionId())
				.matches("txn-" + account.accountId() + "-" + transaction.date().toString().replace("-", "") + "-\\d+");
			assertThat(transaction.accountId()).isEqualTo(account.accountId());
			assertThat(transaction.accountCategory()).isEqualTo(account.category());
			assertThat(transaction.amount()).isPositive();
			assertThat(transaction.amount().scale()).isEqualTo(2);
			assertThat(transaction.transactionTimestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000Z");
			assertThat(transaction.debitCreditMemo()).isIn("DEBIT", "CREDIT");
			assertThat(transaction.description()).isNotBlank();
			assertThat(transaction.category()).isNotBlank();
		}
		assertThat(history.get(history.size() - 1).date()).isBefore(TODAY.minusMonths(13));
	}

	@Test
	@DisplayName("PENDING in the last two days (no postedTimestamp), POSTED before")
	void pendingOnlyInTheLastTwoDays() {
		List<Transaction> history = TransactionHistory.generate(TestAccounts.CARD, TODAY);
		for (Transaction transaction : history) {
			boolean recent = !transaction.date().isBefore(TODAY.minusDays(1));
			assertThat(transaction.status()).as(transaction.transactionId()).isEqualTo(recent ? "PENDING" : "POSTED");
			assertThat(transaction.postedTimestamp() == null).isEqualTo(recent);
		}
		assertThat(history).anyMatch((t) -> t.status().equals("PENDING"));
	}

	@Test
	@DisplayName("Checking: payroll twice a month, rent by check monthly, utilities, card payment, groceries and ATM")
	void checking() {
		List<Transaction> history = TransactionHistory.generate(TestAccounts.CHECKING, TODAY);
		for (int i = 1; i <= 12; i++) {
			YearMonth month = YearMonth.from(TODAY).minusMonths(i);
			List<Transaction> inMonth = history.stream().filter((t) -> YearMonth.from(t.date()).equals(month)).toList();
			assertThat(inMonth.stream().filter((t) -> t.category().equals("Income")).count()).as("payroll %s", month)
				.isBetween(1L, 3L);
			assertThat(inMonth).filteredOn((t) -> t.category().equals("Rent")).singleElement().satisfies((rent) -> {
				assertThat(rent.checkNumber()).isNotNull();
				assertThat(rent.payee()).isNotBlank();
				assertThat(rent.transactionType()).isEqualTo("CHECK");
			});
			assertThat(inMonth).anyMatch((t) -> t.category().equals("Utilities"));
			assertThat(inMonth).anyMatch((t) -> t.category().equals("Credit Card Payment"));
			assertThat(inMonth).anyMatch((t) -> t.category().equals("Groceries"));
		}
		assertThat(history).anyMatch((t) -> t.transactionType().equals("ATMWITHDRAWAL"));
		Set<BigDecimal> pay = history.stream()
			.filter((t) -> t.category().equals("Income"))
			.map(Transaction::amount)
			.collect(Collectors.toSet());
		assertThat(pay).as("the same net pay every time").hasSize(1);
		assertThat(pay.iterator().next()).isBetween(new BigDecimal("1800"), new BigDecimal("3400"));
		assertThat(history).allSatisfy((t) -> assertThat(t.amount()).isLessThan(new BigDecimal("5000")));
	}

	@Test
	@DisplayName("Savings: interest at every month's end, transfers in from checking")
	void savings() {
		List<Transaction> history = TransactionHistory.generate(TestAccounts.SAVINGS, TODAY);
		List<Transaction> interest = history.stream().filter((t) -> t.transactionType().equals("INTEREST")).toList();
		assertThat(interest).hasSizeGreaterThanOrEqualTo(13)
			.allSatisfy((t) -> assertThat(t.date().getDayOfMonth()).isEqualTo(t.date().lengthOfMonth()))
			// 18,200 at about 4 % a year: some 60 a month
			.allSatisfy((t) -> assertThat(t.amount()).isBetween(new BigDecimal("40"), new BigDecimal("80")));
		assertThat(history).anyMatch((t) -> t.description().contains("TRANSFER FROM CHECKING"));
	}

	@Test
	@DisplayName("Credit card: purchases with a spending category, monthly payments and interest")
	void card() {
		List<Transaction> history = TransactionHistory.generate(TestAccounts.CARD, TODAY);
		Map<String, Long> purchases = history.stream()
			.filter((t) -> t.transactionType().equals("PURCHASE"))
			.collect(Collectors.groupingBy(Transaction::category, Collectors.counting()));
		assertThat(purchases.keySet()).contains("Groceries", "Dining", "Gas", "Shopping", "Entertainment");
		assertThat(history.stream().filter((t) -> t.transactionType().equals("PAYMENT")))
			.hasSizeGreaterThanOrEqualTo(13)
			.allSatisfy((t) -> assertThat(t.debitCreditMemo()).isEqualTo("CREDIT"));
		assertThat(history).filteredOn((t) -> t.transactionType().equals("PURCHASE"))
			.allSatisfy((t) -> assertThat(t.debitCreditMemo()).isEqualTo("DEBIT"))
			.allSatisfy((t) -> assertThat(t.amount()).isBetween(new BigDecimal("5"), new BigDecimal("650")));
	}

	@Test
	@DisplayName("Loan: one instalment a month on the due date, the amortised amount, never before the loan opened")
	void loan() {
		AccountTerms terms = AccountTerms.of(TestAccounts.LOAN);
		List<Transaction> history = TransactionHistory.generate(TestAccounts.LOAN, TODAY);
		assertThat(history).isNotEmpty()
			.allSatisfy((t) -> assertThat(t.date().getDayOfMonth()).isEqualTo(AccountTerms.LOAN_DUE_DAY))
			.allSatisfy((t) -> assertThat(t.amount()).isEqualTo(terms.monthlyPayment()))
			.allSatisfy((t) -> assertThat(t.date()).isAfterOrEqualTo(terms.openDate()));
		assertThat(history.stream().map((t) -> YearMonth.from(t.date())).distinct().count()).isEqualTo(history.size());
	}

	@Test
	@DisplayName("Investment: contributions, purchases, sales and dividends naming the security")
	void investment() {
		List<Transaction> history = TransactionHistory.generate(TestAccounts.BROKERAGE, TODAY);
		assertThat(history.stream().map(Transaction::transactionType).collect(Collectors.toSet()))
			.contains("CONTRIBUTION", "PURCHASED", "SOLD", "DIVIDEND");
		assertThat(history)
			.filteredOn((t) -> t.transactionType().equals("PURCHASED") || t.transactionType().equals("SOLD"))
			.allSatisfy((t) -> {
				assertThat(t.symbol()).isNotNull();
				assertThat(t.securityId()).matches("[0-9A-Z]{9}");
				assertThat(t.securityIdType()).isEqualTo("CUSIP");
				assertThat(t.units()).isPositive();
				assertThat(t.amount())
					.isEqualByComparingTo(t.units().multiply(t.unitPrice()).setScale(2, RoundingMode.HALF_EVEN));
			});
	}

	@Test
	@DisplayName("between: the days asked, both included, newest first")
	void between() {
		TransactionHistory history = new TransactionHistory(
				Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
		List<Transaction> october = history.between(TestAccounts.CHECKING, LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 31));
		assertThat(october).isNotEmpty()
			.allSatisfy((t) -> assertThat(t.date()).hasMonthValue(10).hasYear(2026))
			.isSortedAccordingTo(TransactionHistory.NEWEST_FIRST);
		// rent is paid on the 1st
		assertThat(october.get(october.size() - 1).date()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(history.of(TestAccounts.CHECKING)).as("cached").isSameAs(history.of(TestAccounts.CHECKING));
		assertThat(history.earliest()).isEqualTo(TODAY.minusMonths(TransactionHistory.MONTHS));
	}

}
