package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.consentry.sandbox.bank.BankAccount;

/**
 * A brokerage account: a contribution on the 3rd invested the next day in one of the
 * holdings (in turn), dividends as each holding pays them, and a rebalancing sale in
 * January and July.
 */
final class InvestmentActivity implements DailyActivity {

	private final List<Security> held;

	InvestmentActivity(BankAccount account) {
		this.held = Portfolio.securitiesOf(account.accountId());
	}

	@Override
	public void record(DayBook book) {
		int day = book.day().getDayOfMonth();
		BigDecimal contribution = book.terms().monthlyContribution();
		if (day == 3 && contribution != null) {
			book.credit(contribution, "ACH CONTRIBUTION FROM CHECKING")
				.at(6, 0)
				.category("Contribution")
				.type("CONTRIBUTION");
		}
		if (day == 4 && contribution != null) {
			Security security = this.held.get(book.day().getMonthValue() % this.held.size());
			BigDecimal price = security.price(book.day());
			BigDecimal units = contribution.divide(price, 4, RoundingMode.DOWN);
			book.debit(units.multiply(price),
					"BOUGHT " + units.stripTrailingZeros().toPlainString() + " " + security.symbol() + " @ " + price)
				.at(14, 30)
				.category("Investment")
				.type("PURCHASED")
				.security(security, units, price);
		}
		for (Security security : this.held) {
			if (security.paysDividendOn(book.day())) {
				book.credit(Money.between(book.random(), security.dividendLow(), security.dividendHigh()),
						"DIVIDEND " + security.symbol())
					.at(8, 0)
					.category("Dividend")
					.type("DIVIDEND")
					.security(security, null, null);
			}
		}
		if (day == 20 && (book.day().getMonthValue() == 1 || book.day().getMonthValue() == 7)) {
			Security security = book.oneOf(this.held);
			BigDecimal price = security.price(book.day());
			BigDecimal units = BigDecimal.valueOf(2 + book.random().nextInt(9)).setScale(4);
			book.credit(units.multiply(price),
					"SOLD " + units.stripTrailingZeros().toPlainString() + " " + security.symbol() + " @ " + price)
				.at(15, 45)
				.category("Investment")
				.type("SOLD")
				.memo("Rebalancing")
				.security(security, units, price);
		}
	}

}
