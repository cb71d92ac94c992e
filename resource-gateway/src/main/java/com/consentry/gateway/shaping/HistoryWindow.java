package com.consentry.gateway.shaping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.consentry.gateway.fdx.FdxRefusal;
import org.jspecify.annotations.Nullable;

/**
 * The dates a history request (transactions, statements) may cover: what the partner
 * asked for ({@code startTime}/{@code endTime}, or FDX 6.3's {@code startDate}/
 * {@code endDate}; both bounds or neither, FDX §3.2), clamped to the consent's lookback
 * counted from the request's time.
 *
 * @param start first day asked of the core, or {@code null} when nothing can be shown
 * @param end last day asked of the core
 * @param windowStart the oldest instant the lookback allows
 */
public record HistoryWindow(@Nullable LocalDate start, LocalDate end, Instant windowStart) {

	/** Without explicit dates, the last 30 days (the core's own default). */
	static final int DEFAULT_DAYS = 30;

	/**
	 * The window for a request at {@code now}.
	 * @throws FdxRefusal 400 {@code 702} for a malformed date, {@code 703} for one bound
	 * only or a start after the end
	 */
	public static HistoryWindow of(Map<String, String> parameters, int lookbackDays, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		LocalDate oldest = today.minusDays(lookbackDays);
		Instant windowStart = oldest.atStartOfDay(ZoneOffset.UTC).toInstant();
		String from = first(parameters, "startTime", "startDate");
		String to = first(parameters, "endTime", "endDate");
		if ((from == null) != (to == null)) {
			throw FdxRefusal.invalidDates("703", "Send both startTime and endTime, or neither");
		}
		LocalDate start = (from != null) ? date(from) : today.minusDays(DEFAULT_DAYS);
		LocalDate end = (to != null) ? date(to) : today;
		if (start.isAfter(end)) {
			throw FdxRefusal.invalidDates("703", "startTime is after endTime");
		}
		if (end.isBefore(oldest)) {
			return new HistoryWindow(null, end, windowStart);
		}
		return new HistoryWindow(start.isBefore(oldest) ? oldest : start, end, windowStart);
	}

	/**
	 * The whole lookback at {@code now}: from its oldest day to today, for checking that
	 * a single history item (a statement) falls inside it.
	 */
	public static HistoryWindow whole(int lookbackDays, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		LocalDate oldest = today.minusDays(lookbackDays);
		return new HistoryWindow(oldest, today, oldest.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	/** Whether nothing in the asked range is within the lookback. */
	public boolean isEmpty() {
		return this.start == null;
	}

	private static @Nullable String first(Map<String, String> parameters, String name, String alias) {
		String value = parameters.get(name);
		return (value != null) ? value : parameters.get(alias);
	}

	private static LocalDate date(String value) {
		try {
			// FDX 6.x DateString, or an RFC 3339 timestamp, counted by its UTC date
			return (value.length() > 10) ? OffsetDateTime.parse(value).atZoneSameInstant(ZoneOffset.UTC).toLocalDate()
					: LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw FdxRefusal.invalidDates("702", "Dates must be YYYY-MM-DD");
		}
	}

}
