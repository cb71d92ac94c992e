package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Terms and holdings fit the recorded balance. */
class AccountTermsTests {

	@Test
	@DisplayName("A loan's instalment follows the annuity formula; it matures after its term")
	void loanInstalment() {
		assertThat(AccountTerms.instalment(new BigDecimal("10000"), new BigDecimal("6.00"), 60))
			.isEqualByComparingTo("193.33");
		AccountTerms terms = AccountTerms.of(TestAccounts.LOAN);
		assertThat(terms.originalPrincipal()).isGreaterThan(new BigDecimal("14250.00"));
		assertThat(terms.loanTermMonths()).isIn(60, 72);
		assertThat(terms.maturityDate())
			.isEqualTo(terms.openDate().plusMonths(terms.loanTermMonths()).withDayOfMonth(AccountTerms.LOAN_DUE_DAY));
		assertThat(terms.maturityDate()).isAfter(LocalDate.of(2027, 12, 31));
	}

	@Test
	@DisplayName("A card's credit line leaves room above what is owed; deposit APYs are plausible")
	void cardAndDeposit() {
		assertThat(AccountTerms.of(TestAccounts.CARD).creditLine()).isGreaterThan(new BigDecimal("612.40"));
		assertThat(AccountTerms.of(TestAccounts.CARD).purchasesApr()).isBetween(new BigDecimal("15"),
				new BigDecimal("30"));
		assertThat(AccountTerms.of(TestAccounts.CHECKING).annualPercentageYield()).isEqualByComparingTo("0.01");
		assertThat(AccountTerms.of(TestAccounts.SAVINGS).annualPercentageYield()).isBetween(new BigDecimal("3"),
				new BigDecimal("5"));
		assertThat(AccountTerms.of(TestAccounts.SAVINGS)).isEqualTo(AccountTerms.of(TestAccounts.SAVINGS));
	}

	@Test
	@DisplayName("A brokerage portfolio adds up to the recorded value: positions at today's prices plus cash")
	void portfolio() {
		Portfolio portfolio = Portfolio.of(TestAccounts.BROKERAGE, LocalDate.of(2026, 11, 18));
		assertThat(portfolio.currentValue()).isEqualByComparingTo("52840.25");
		assertThat(portfolio.cash()).isBetween(new BigDecimal("500"), new BigDecimal("3500"));
		assertThat(portfolio.holdings()).hasSizeBetween(2, 5).allSatisfy((holding) -> {
			assertThat(holding.marketValue()).isEqualByComparingTo(
					holding.units().multiply(holding.currentUnitPrice()).setScale(2, RoundingMode.HALF_EVEN));
			assertThat(holding.purchasedPrice()).isLessThan(holding.currentUnitPrice());
			assertThat(holding.holdingId()).isEqualTo("hold-acc-t-inv-" + holding.symbol());
		});
		assertThat(portfolio.holdings()).extracting(Holding::symbol).contains("VTI", "BND");
	}

}
