package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.consentry.sandbox.bank.BankAccount;

/**
 * A checking account: payroll on the 1st and 15th (the Friday before when that is a
 * weekend), rent by check on the 1st, utilities, a card payment, a transfer to savings,
 * groceries, dining and now and then the ATM.
 */
final class CheckingActivity implements DailyActivity {

	private static final List<String> EMPLOYERS = List.of("ACME CORP", "NORTHWIND TRADERS", "CONTOSO LTD",
			"GLOBEX INC");

	private static final List<String> GROCERS = List.of("WHOLE FOODS MKT #10234", "TRADER JOE'S #552", "SAFEWAY #1290",
			"KROGER #0611");

	private static final List<String> RESTAURANTS = List.of("CHIPOTLE 1874", "BLUE BOTTLE COFFEE", "SWEETGREEN 044",
			"PANERA BREAD #601");

	private static final List<Integer> ATM_AMOUNTS = List.of(40, 60, 80, 100, 200);

	private final BigDecimal pay;

	private final String employer;

	private final BigDecimal rent;

	private final BigDecimal savingsTransfer;

	CheckingActivity(BankAccount account) {
		String id = account.accountId();
		this.pay = Money.cents(180_000 + Seed.pick(160_000, id, "pay"));
		this.employer = EMPLOYERS.get(Seed.pick(EMPLOYERS.size(), id, "employer"));
		this.rent = Money.dollars(1_200 + 25L * Seed.pick(30, id, "rent"));
		this.savingsTransfer = Money.dollars(100 + 50L * Seed.pick(8, id, "saving"));
	}

	@Override
	public void record(DayBook book) {
		LocalDate day = book.day();
		if (isPayday(day)) {
			book.credit(this.pay, "PAYROLL DIRECT DEPOSIT " + this.employer)
				.at(6, 0)
				.category("Income")
				.type("DIRECTDEPOSIT")
				.payee(this.employer);
		}
		switch (day.getDayOfMonth()) {
			case 1 -> book.debit(this.rent, "CHECK " + checkNumber(book))
				.category("Rent")
				.type("CHECK")
				.payee("MAPLE COURT APARTMENTS")
				.checkNumber(checkNumber(book))
				.memo("Rent " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
			case 10 -> book.debit(electricity(book), "CITY POWER & LIGHT AUTOPAY")
				.at(5, 30)
				.category("Utilities")
				.type("BILLPAYMENT")
				.payee("CITY POWER & LIGHT");
			case 16 -> book.debit(this.savingsTransfer, "ONLINE TRANSFER TO SAVINGS")
				.at(5, 0)
				.category("Transfer")
				.type("TRANSFER")
				.memo("Monthly savings");
			case 18 -> book.debit(new BigDecimal("69.99"), "FIBERNET INTERNET AUTOPAY")
				.at(5, 30)
				.category("Utilities")
				.type("BILLPAYMENT")
				.payee("FIBERNET");
			case 20 -> book.debit(Money.between(book.random(), 250, 900), "ONLINE PAYMENT TO CREDIT CARD")
				.category("Credit Card Payment")
				.type("TRANSFER");
			case 22 -> book.debit(new BigDecimal("45.00"), "MOBILE WIRELESS AUTOPAY")
				.at(5, 30)
				.category("Utilities")
				.type("BILLPAYMENT")
				.payee("MOBILE WIRELESS");
			default -> {
			}
		}
		if (book.chance(0.3)) {
			String grocer = book.oneOf(GROCERS);
			book.debit(Money.between(book.random(), 18, 160), grocer)
				.category("Groceries")
				.type("POSDEBIT")
				.payee(grocer);
		}
		if (book.chance(0.2)) {
			String restaurant = book.oneOf(RESTAURANTS);
			book.debit(Money.between(book.random(), 6, 48), restaurant)
				.category("Dining")
				.type("POSDEBIT")
				.payee(restaurant);
		}
		if (book.chance(0.04)) {
			book.debit(Money.dollars(book.oneOf(ATM_AMOUNTS)), "ATM WITHDRAWAL 4TH & MAIN")
				.category("Cash")
				.type("ATMWITHDRAWAL");
		}
	}

	/** The 1st and the 15th, moved back to Friday when they fall on a weekend. */
	static boolean isPayday(LocalDate day) {
		return day.equals(workday(day.withDayOfMonth(1))) || day.equals(workday(day.withDayOfMonth(15)))
				|| day.equals(workday(day.plusMonths(1).withDayOfMonth(1)));
	}

	private static LocalDate workday(LocalDate day) {
		if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
			return day.minusDays(1);
		}
		return (day.getDayOfWeek() == DayOfWeek.SUNDAY) ? day.minusDays(2) : day;
	}

	/** One check a month since the account opened, numbered from 1001. */
	private static int checkNumber(DayBook book) {
		return 1001 + (int) ChronoUnit.MONTHS.between(book.terms().openDate().withDayOfMonth(1), book.day());
	}

	/** More in winter and summer. */
	private static BigDecimal electricity(DayBook book) {
		int month = book.day().getMonthValue();
		double season = (month <= 2 || month == 12 || (month >= 7 && month <= 8)) ? 1.5 : 1.0;
		return Money.between(book.random(), 70 * season, 120 * season);
	}

}
