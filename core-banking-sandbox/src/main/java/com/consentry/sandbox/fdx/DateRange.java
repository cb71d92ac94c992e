package com.consentry.sandbox.fdx;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The days a search covers, both included (spec/fdx.md §3.2). The bounds come from
 * {@code startTime}/{@code endTime} (FDX 6.x) or {@code startDate}/{@code endDate} (from
 * 6.3), as {@code YYYY-MM-DD} or as an RFC 3339 timestamp (its UTC date). Both bounds or
 * neither: one alone, or a start after the end, is 400 {@code 703}; a value that is not a
 * date is 400 {@code 702}.
 *
 * @param from the first day
 * @param to the last day
 * @param explicit whether the request named the bounds (else they are the default)
 */
public record DateRange(LocalDate from, LocalDate to, boolean explicit) {

	/**
	 * @param request the search
	 * @param defaultFrom the first day when the request names no bounds
	 * @param defaultTo the last day when the request names no bounds
	 */
	public static DateRange of(HttpServletRequest request, LocalDate defaultFrom, LocalDate defaultTo) {
		String start = first(request.getParameter("startTime"), request.getParameter("startDate"));
		String end = first(request.getParameter("endTime"), request.getParameter("endDate"));
		if (start == null && end == null) {
			return new DateRange(defaultFrom, defaultTo, false);
		}
		if (start == null || end == null) {
			throw new FdxException(FdxError.INVALID_DATE_RANGE, "Send both a start and an end date, or neither");
		}
		LocalDate from = date(start);
		LocalDate to = date(end);
		if (from.isAfter(to)) {
			throw new FdxException(FdxError.INVALID_DATE_RANGE, "The start date is after the end date");
		}
		return new DateRange(from, to, true);
	}

	/** This range without the days before {@code earliest} or after {@code latest}. */
	public DateRange within(LocalDate earliest, LocalDate latest) {
		LocalDate first = this.from.isBefore(earliest) ? earliest : this.from;
		LocalDate last = this.to.isAfter(latest) ? latest : this.to;
		return new DateRange(first, last, this.explicit);
	}

	/** Whether {@code day} is in the range. */
	public boolean contains(LocalDate day) {
		return !day.isBefore(this.from) && !day.isAfter(this.to);
	}

	private static @Nullable String first(@Nullable String preferred, @Nullable String other) {
		if (preferred != null && !preferred.isBlank()) {
			return preferred.trim();
		}
		return (other != null && !other.isBlank()) ? other.trim() : null;
	}

	private static LocalDate date(String value) {
		try {
			return (value.length() == 10) ? LocalDate.parse(value)
					: OffsetDateTime.parse(value).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			throw new FdxException(FdxError.INVALID_DATE, "Dates are YYYY-MM-DD (or RFC 3339 timestamps)");
		}
	}

}
