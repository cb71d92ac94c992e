package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A security the sandbox's brokerage accounts hold, with a price that is a fixed function
 * of the date (a slow trend and a wave), so that a purchase long ago always shows the
 * same price.
 *
 * @param symbol the ticker
 * @param cusip its CUSIP
 * @param name the security's name
 * @param basePrice the price at the start of 2026
 * @param dividendMonths months in which it pays a dividend
 * @param dividendDay the day of the month it pays
 * @param dividendLow the smallest dividend an account receives
 * @param dividendHigh the largest
 */
record Security(String symbol, String cusip, String name, double basePrice, Set<Integer> dividendMonths,
		int dividendDay, double dividendLow, double dividendHigh) {

	private static final Set<Integer> QUARTERLY = Set.of(3, 6, 9, 12);

	static final List<Security> ALL = List.of(
			new Security("VTI", "922908769", "Vanguard Total Stock Market ETF", 290.0, QUARTERLY, 26, 40, 90),
			new Security("BND", "921937835", "Vanguard Total Bond Market ETF", 73.0,
					Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 2, 15, 30),
			new Security("AAPL", "037833100", "Apple Inc.", 230.0, Set.of(2, 5, 8, 11), 15, 8, 15),
			new Security("MSFT", "594918104", "Microsoft Corporation", 420.0, QUARTERLY, 12, 10, 20),
			new Security("VXUS", "921909768", "Vanguard Total International Stock ETF", 65.0, QUARTERLY, 24, 20, 45));

	private static final long REFERENCE_DAY = LocalDate.of(2026, 1, 1).toEpochDay();

	/** The closing price on {@code day}. */
	BigDecimal price(LocalDate day) {
		long days = day.toEpochDay() - REFERENCE_DAY;
		double phase = Seed.pick(360, this.symbol) / 57.3;
		double price = this.basePrice * (1 + 0.00025 * days) * (1 + 0.05 * Math.sin(days / 37.0 + phase));
		return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_EVEN);
	}

	boolean paysDividendOn(LocalDate day) {
		return day.getDayOfMonth() == this.dividendDay && this.dividendMonths.contains(day.getMonthValue());
	}

}
