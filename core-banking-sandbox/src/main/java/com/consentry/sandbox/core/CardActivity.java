package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.consentry.sandbox.bank.BankAccount;

/**
 * A credit card: zero to three purchases a day across spending categories (posted the
 * next morning), two subscriptions, the monthly payment on the 20th and interest on the
 * due date.
 */
final class CardActivity implements DailyActivity {

	private record Spending(String category, List<String> merchants, double low, double high, int weight) {
	}

	private static final List<Spending> SPENDING = List
		.of(new Spending("Groceries", List.of("COSTCO WHSE #0423", "TRADER JOE'S #552", "SAFEWAY #1290"), 25, 180, 25),
				new Spending("Dining",
						List.of("BLUE BOTTLE COFFEE", "CHIPOTLE 1874", "SWEETGREEN 044", "SHAKE SHACK 112"), 5, 60, 30),
				new Spending("Gas", List.of("SHELL OIL 5744", "CHEVRON 0092"), 30, 75, 12),
				new Spending("Shopping", List.of("AMAZON.COM*MK2 AMZN.COM/BILL", "TARGET 00012", "BEST BUY 00331"), 12,
						250, 22),
				new Spending("Entertainment", List.of("AMC THEATRES 0211", "TICKETMASTER"), 15, 120, 8),
				new Spending("Travel", List.of("UNITED AIRLINES", "MARRIOTT HOTELS", "LYFT *RIDE"), 18, 650, 3));

	private static final int TOTAL_WEIGHT = SPENDING.stream().mapToInt(Spending::weight).sum();

	private final BigDecimal monthlyInterest;

	CardActivity(BankAccount account) {
		BigDecimal apr = AccountTerms.of(account).purchasesApr();
		BigDecimal owed = account.balance().negate().max(BigDecimal.ZERO);
		this.monthlyInterest = (apr != null)
				? owed.multiply(apr).divide(BigDecimal.valueOf(1200), 2, RoundingMode.HALF_EVEN) : Money.ZERO;
	}

	@Override
	public void record(DayBook book) {
		int day = book.day().getDayOfMonth();
		if (day == 7) {
			subscription(book, "NETFLIX.COM", "15.49");
		}
		if (day == 12) {
			subscription(book, "SPOTIFY USA", "11.99");
		}
		if (day == 20) {
			book.credit(Money.between(book.random(), 300, 900), "PAYMENT - THANK YOU")
				.at(9, 0)
				.category("Payment")
				.type("PAYMENT");
		}
		if (day == AccountTerms.CARD_DUE_DAY && this.monthlyInterest.signum() > 0) {
			book.debit(this.monthlyInterest, "INTEREST CHARGE ON PURCHASES")
				.at(23, 30)
				.category("Interest")
				.type("INTEREST");
		}
		double roll = book.random().nextDouble();
		int purchases = (roll < 0.4) ? 0 : (roll < 0.75) ? 1 : (roll < 0.93) ? 2 : 3;
		for (int i = 0; i < purchases; i++) {
			Spending spending = pick(book.random().nextInt(TOTAL_WEIGHT));
			book.debit(Money.between(book.random(), spending.low(), spending.high()), book.oneOf(spending.merchants()))
				.category(spending.category())
				.type("PURCHASE")
				.postedNextDay();
		}
	}

	private static void subscription(DayBook book, String merchant, String amount) {
		book.debit(new BigDecimal(amount), merchant)
			.at(4, 0)
			.category("Entertainment")
			.type("PURCHASE")
			.memo("Monthly subscription")
			.postedNextDay();
	}

	private static Spending pick(int ticket) {
		int seen = 0;
		for (Spending spending : SPENDING) {
			seen += spending.weight();
			if (ticket < seen) {
				return spending;
			}
		}
		return SPENDING.get(SPENDING.size() - 1);
	}

}
