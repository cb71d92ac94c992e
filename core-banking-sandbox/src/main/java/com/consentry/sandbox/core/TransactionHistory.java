package com.consentry.sandbox.core;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.consentry.sandbox.bank.BankAccount;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Each account's transactions from {@link #MONTHS} months before today (or its opening,
 * if later) to today, newest first. A day's transactions depend only on the account and
 * the date (and, for the last two days, on today: they are PENDING). The histories of the
 * accounts asked about recently are kept, at most {@link #CACHED_ACCOUNTS}, until the day
 * changes or the account's record does.
 */
@Component
public final class TransactionHistory {

	/** How far back transactions go: 24 months, CFPB 1033.211's safe harbour. */
	public static final int MONTHS = 24;

	static final int CACHED_ACCOUNTS = 512;

	/** Newest first; within a moment, the later-recorded first. */
	static final Comparator<Transaction> NEWEST_FIRST = Comparator.comparing(Transaction::at)
		.thenComparingInt(Transaction::sequence)
		.reversed();

	private record Key(BankAccount account, LocalDate today) {
	}

	private final Clock clock;

	private final Cache<Key, List<Transaction>> histories = Caffeine.newBuilder().maximumSize(CACHED_ACCOUNTS).build();

	public TransactionHistory(Clock clock) {
		this.clock = clock;
	}

	/** Today, in UTC. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The first day any account can have transactions. */
	public LocalDate earliest() {
		return today().minusMonths(MONTHS);
	}

	/** Every transaction of the account in the history, newest first. */
	public List<Transaction> of(BankAccount account) {
		LocalDate today = today();
		return this.histories.get(new Key(account, today), (key) -> generate(account, today));
	}

	/**
	 * The account's transactions of the days {@code from} to {@code to}, both included.
	 */
	public List<Transaction> between(BankAccount account, LocalDate from, LocalDate to) {
		return of(account).stream().filter((t) -> !t.date().isBefore(from) && !t.date().isAfter(to)).toList();
	}

	static List<Transaction> generate(BankAccount account, LocalDate today) {
		AccountTerms terms = AccountTerms.of(account);
		DailyActivity activity = DailyActivity.of(account);
		LocalDate first = today.minusMonths(MONTHS);
		if (terms.openDate().isAfter(first)) {
			first = terms.openDate();
		}
		List<Transaction> transactions = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			DayBook book = new DayBook(account, terms, day, today);
			activity.record(book);
			transactions.addAll(book.transactions());
		}
		transactions.sort(NEWEST_FIRST);
		return List.copyOf(transactions);
	}

}
