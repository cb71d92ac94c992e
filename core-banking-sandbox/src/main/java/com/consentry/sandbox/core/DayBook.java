package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.consentry.sandbox.bank.BankAccount;
import org.jspecify.annotations.Nullable;

/**
 * One account's transactions of one day, as the day's activity records them: numbered in
 * the order recorded, PENDING within the last two days before {@code today}, else POSTED.
 * The day's random numbers come from the account and the date only, so a day reads the
 * same whenever it is generated.
 */
final class DayBook {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

	private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final BankAccount account;

	private final AccountTerms terms;

	private final LocalDate day;

	private final LocalDate today;

	private final SplittableRandom random;

	private final List<Posting> postings = new ArrayList<>();

	DayBook(BankAccount account, AccountTerms terms, LocalDate day, LocalDate today) {
		this.account = account;
		this.terms = terms;
		this.day = day;
		this.today = today;
		this.random = Seed.random(account.accountId(), day);
	}

	AccountTerms terms() {
		return this.terms;
	}

	LocalDate day() {
		return this.day;
	}

	SplittableRandom random() {
		return this.random;
	}

	/** With probability {@code p}, from the day's random numbers. */
	boolean chance(double p) {
		return this.random.nextDouble() < p;
	}

	<T> T oneOf(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

	Posting debit(BigDecimal amount, String description) {
		return add(Transaction.DEBIT, amount, description);
	}

	Posting credit(BigDecimal amount, String description) {
		return add(Transaction.CREDIT, amount, description);
	}

	private Posting add(String direction, BigDecimal amount, String description) {
		// a time during the day, drawn now so that later postings do not change earlier
		// ones
		LocalTime time = LocalTime.of(7 + this.random.nextInt(15), this.random.nextInt(60), this.random.nextInt(60));
		Posting posting = new Posting(direction, amount.setScale(2, RoundingMode.HALF_EVEN), description, time);
		this.postings.add(posting);
		return posting;
	}

	List<Transaction> transactions() {
		boolean pending = !this.day.isBefore(this.today.minusDays(1));
		List<Transaction> transactions = new ArrayList<>(this.postings.size());
		int n = 0;
		for (Posting posting : this.postings) {
			n++;
			LocalDateTime at = this.day.atTime(posting.time);
			LocalDateTime posted = posting.postedNextDay ? this.day.plusDays(1).atTime(6, 0) : at.plusMinutes(1);
			transactions.add(new Transaction(this.account.category(), this.account.accountId(),
					"txn-" + this.account.accountId() + "-" + COMPACT_DATE.format(this.day) + "-" + n,
					pending ? null : TIMESTAMP.format(posted), TIMESTAMP.format(at), posting.description, posting.memo,
					posting.direction, posting.category, pending ? Transaction.PENDING : Transaction.POSTED,
					posting.amount, posting.type, posting.payee, posting.checkNumber,
					(posting.security != null) ? posting.security.symbol() : null,
					(posting.security != null) ? posting.security.cusip() : null,
					(posting.security != null) ? "CUSIP" : null, posting.units, posting.unitPrice, this.day, at, n));
		}
		return transactions;
	}

	/** A transaction being recorded; the setters return it for chaining. */
	static final class Posting {

		private final String direction;

		private final BigDecimal amount;

		private final String description;

		private LocalTime time;

		private String category = "Other";

		private String type = "ADJUSTMENT";

		private @Nullable String memo;

		private @Nullable String payee;

		private @Nullable Integer checkNumber;

		private @Nullable Security security;

		private @Nullable BigDecimal units;

		private @Nullable BigDecimal unitPrice;

		private boolean postedNextDay;

		private Posting(String direction, BigDecimal amount, String description, LocalTime time) {
			this.direction = direction;
			this.amount = amount;
			this.description = description;
			this.time = time;
		}

		Posting category(String category) {
			this.category = category;
			return this;
		}

		Posting type(String type) {
			this.type = type;
			return this;
		}

		Posting memo(String memo) {
			this.memo = memo;
			return this;
		}

		Posting payee(String payee) {
			this.payee = payee;
			return this;
		}

		Posting checkNumber(int checkNumber) {
			this.checkNumber = checkNumber;
			return this;
		}

		Posting security(Security security, @Nullable BigDecimal units, @Nullable BigDecimal unitPrice) {
			this.security = security;
			this.units = units;
			this.unitPrice = unitPrice;
			return this;
		}

		/** Scheduled items (payroll, standing orders) run early in the morning. */
		Posting at(int hour, int minute) {
			this.time = LocalTime.of(hour, minute);
			return this;
		}

		/** Card purchases post the morning after. */
		Posting postedNextDay() {
			this.postedNextDay = true;
			return this;
		}

	}

}
