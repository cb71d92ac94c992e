package com.consentry.sandbox.fdx;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The date filters of transaction and statement searches (spec/fdx.md §3.2). */
class DateRangeTests {

	private static final LocalDate FROM = LocalDate.of(2026, 10, 20);

	private static final LocalDate TO = LocalDate.of(2026, 11, 18);

	private static DateRange range(String... parameters) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		for (int i = 0; i < parameters.length; i += 2) {
			request.addParameter(parameters[i], parameters[i + 1]);
		}
		return DateRange.of(request, FROM, TO);
	}

	@Test
	@DisplayName("FDX §3.2: neither bound gives the default range; both bounds are taken as sent")
	void bothOrNeither() {
		assertThat(range()).isEqualTo(new DateRange(FROM, TO, false));
		assertThat(range("startTime", "2026-01-01", "endTime", "2026-01-31"))
			.isEqualTo(new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), true));
		assertThat(range("startTime", "2026-01-01", "endTime", "2026-01-01").contains(LocalDate.of(2026, 1, 1)))
			.isTrue();
	}

	@Test
	@DisplayName("FDX §3.2: startDate/endDate (6.3) are synonyms; RFC 3339 timestamps count by their UTC date")
	void synonymsAndTimestamps() {
		assertThat(range("startDate", "2026-02-01", "endDate", "2026-02-28"))
			.isEqualTo(new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), true));
		assertThat(range("startTime", "2026-02-01T23:30:00-05:00", "endTime", "2026-02-28T00:00:00.000Z"))
			.isEqualTo(new DateRange(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 28), true));
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			startTime, 2026-01-01, endDate, ''
			startTime, 2026-01-01, other, x
			endTime, 2026-01-01, other, x
			startTime, 2026-02-01, endTime, 2026-01-31
			""")
	@DisplayName("FDX §3.2: one bound alone, or a start after the end, is 400 code 703")
	void invalidRange(String n1, String v1, String n2, String v2) {
		assertThatExceptionOfType(FdxException.class).isThrownBy(() -> range(n1, v1, n2, v2))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(FdxError.INVALID_DATE_RANGE))
			.satisfies((ex) -> assertThat(ex.error().status().value()).isEqualTo(400));
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			2026-13-01
			2026/01/01
			yesterday
			2026-02-30
			20260101
			""")
	@DisplayName("FDX §3.2: a bound that is not a date is 400 code 702")
	void invalidDate(String value) {
		assertThatExceptionOfType(FdxException.class)
			.isThrownBy(() -> range("startTime", value, "endTime", "2026-03-01"))
			.satisfies((ex) -> assertThat(ex.error().code()).isEqualTo("702"));
	}

	@Test
	@DisplayName("A range is cut to the history there is")
	void within() {
		DateRange cut = range("startTime", "2020-01-01", "endTime", "2030-01-01").within(FROM, TO);
		assertThat(cut).isEqualTo(new DateRange(FROM, TO, true));
	}

}
