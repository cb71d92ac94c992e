package com.consentry.gateway.shaping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.consentry.gateway.fdx.FdxRefusal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The dates a history request may cover (FDX §3.2): both bounds or neither, well-formed,
 * in order, clamped to the consent's lookback counted from the request's time.
 */
class HistoryWindowTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

	/** 90 days back from 2026-12-01. */
	private static final LocalDate OLDEST = LocalDate.parse("2026-09-02");

	private static final int LOOKBACK = 90;

	@Test
	@DisplayName("FDX §3.2: without dates, the last 30 days up to today")
	void neitherBound() {
		HistoryWindow window = HistoryWindow.of(Map.of(), LOOKBACK, NOW);
		assertThat(window.start()).isEqualTo(TODAY.minusDays(HistoryWindow.DEFAULT_DAYS));
		assertThat(window.end()).isEqualTo(TODAY);
		assertThat(window.windowStart()).isEqualTo(Instant.parse("2026-09-02T00:00:00Z"));
		assertThat(window.isEmpty()).isFalse();
	}

	@Test
	@DisplayName("FDX §3.2: without dates and a lookback shorter than 30 days, the lookback")
	void neitherBoundWithAShortLookback() {
		HistoryWindow window = HistoryWindow.of(Map.of(), 7, NOW);
		assertThat(window.start()).isEqualTo(LocalDate.parse("2026-11-24"));
		assertThat(window.end()).isEqualTo(TODAY);
		assertThat(window.windowStart()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
	}

	@Test
	@DisplayName("Consent lookbackPeriod: the whole window runs from the oldest day the lookback allows to today")
	void wholeLookback() {
		HistoryWindow window = HistoryWindow.whole(LOOKBACK, NOW);
		assertThat(window.start()).isEqualTo(OLDEST);
		assertThat(window.end()).isEqualTo(TODAY);
		assertThat(window.windowStart()).isEqualTo(Instant.parse("2026-09-02T00:00:00Z"));
		assertThat(window.isEmpty()).isFalse();
	}

	@Test
	@DisplayName("FDX §3.2: both bounds inside the lookback are kept as asked")
	void bothBounds() {
		HistoryWindow window = HistoryWindow.of(Map.of("startTime", "2026-10-01", "endTime", "2026-10-31"), LOOKBACK,
				NOW);
		assertThat(window.start()).isEqualTo(LocalDate.parse("2026-10-01"));
		assertThat(window.end()).isEqualTo(LocalDate.parse("2026-10-31"));
		assertThat(window.isEmpty()).isFalse();
	}

	@ParameterizedTest(name = "FDX §3.2, error 703: {0} alone is refused")
	@ValueSource(strings = { "startTime", "endTime", "startDate", "endDate" })
	@DisplayName("FDX §3.2, error 703: one bound without the other is refused")
	void oneBoundOnly(String parameter) {
		FdxRefusal refusal = refusal(Map.of(parameter, "2026-10-01"));
		assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusal.code()).isEqualTo("703");
		assertThat(refusal.reason()).isEqualTo("invalid_dates");
	}

	@ParameterizedTest(name = "FDX error 702: startTime \"{0}\" is refused")
	@ValueSource(strings = { "2026-13-01", "2026-02-30", "10/01/2026", "01-10-2026", "2026/10/01", "yesterday", "",
			"2026-10", "20261001" })
	@DisplayName("FDX error 702: a malformed date is refused")
	void malformedDate(String value) {
		FdxRefusal refusal = refusal(Map.of("startTime", value, "endTime", "2026-10-31"));
		assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusal.code()).isEqualTo("702");
		assertThat(refusal(Map.of("startTime", "2026-10-01", "endTime", value)).code()).isEqualTo("702");
	}

	@Test
	@DisplayName("FDX error 702: a date followed by something that is not a time is refused")
	void dateWithTrailingGarbage() {
		assertThat(refusal(Map.of("startTime", "2026-10-01junk", "endTime", "2026-10-31")).code()).isEqualTo("702");
	}

	@Test
	@DisplayName("FDX §3.2: a timestamp counts by its date")
	void timestamps() {
		HistoryWindow window = HistoryWindow
			.of(Map.of("startTime", "2026-10-01T08:30:00Z", "endTime", "2026-10-31T23:59:59.999Z"), LOOKBACK, NOW);
		assertThat(window.start()).isEqualTo(LocalDate.parse("2026-10-01"));
		assertThat(window.end()).isEqualTo(LocalDate.parse("2026-10-31"));
	}

	@Test
	@DisplayName("FDX §3.2, error 703: a start after the end is refused")
	void startAfterEnd() {
		FdxRefusal refusal = refusal(Map.of("startTime", "2026-11-02", "endTime", "2026-11-01"));
		assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusal.code()).isEqualTo("703");
	}

	@Test
	@DisplayName("FDX §3.2: a one-day range (start equals end) is accepted")
	void oneDay() {
		HistoryWindow window = HistoryWindow.of(Map.of("startTime", "2026-11-01", "endTime", "2026-11-01"), LOOKBACK,
				NOW);
		assertThat(window.start()).isEqualTo(window.end()).isEqualTo(LocalDate.parse("2026-11-01"));
	}

	@Test
	@DisplayName("FDX §2 lookback: a start before the lookback is clamped to its first day")
	void clampsToTheLookback() {
		HistoryWindow window = HistoryWindow.of(Map.of("startTime", "2020-01-01", "endTime", "2026-11-15"), LOOKBACK,
				NOW);
		assertThat(window.start()).isEqualTo(OLDEST);
		assertThat(window.end()).isEqualTo(LocalDate.parse("2026-11-15"));
		assertThat(window.isEmpty()).isFalse();
	}

	@Test
	@DisplayName("FDX §2 lookback: a range ending on the lookback's first day keeps that day")
	void rangeEndingOnTheFirstDay() {
		HistoryWindow window = HistoryWindow.of(Map.of("startTime", "2026-01-01", "endTime", OLDEST.toString()),
				LOOKBACK, NOW);
		assertThat(window.isEmpty()).isFalse();
		assertThat(window.start()).isEqualTo(OLDEST);
		assertThat(window.end()).isEqualTo(OLDEST);
	}

	@Test
	@DisplayName("FDX §2 lookback: a range wholly before the lookback is empty")
	void rangeBeforeTheWindowIsEmpty() {
		HistoryWindow window = HistoryWindow
			.of(Map.of("startTime", "2020-01-01", "endTime", OLDEST.minusDays(1).toString()), LOOKBACK, NOW);
		assertThat(window.isEmpty()).isTrue();
		assertThat(window.start()).isNull();
		assertThat(window.windowStart()).isEqualTo(Instant.parse("2026-09-02T00:00:00Z"));
	}

	@Test
	@DisplayName("FDX 6.3 §3.2: startDate/endDate are aliases of startTime/endTime")
	void dateAliases() {
		HistoryWindow window = HistoryWindow.of(Map.of("startDate", "2026-10-01", "endDate", "2026-10-31"), LOOKBACK,
				NOW);
		assertThat(window.start()).isEqualTo(LocalDate.parse("2026-10-01"));
		assertThat(window.end()).isEqualTo(LocalDate.parse("2026-10-31"));
		HistoryWindow mixed = HistoryWindow.of(Map.of("startTime", "2026-10-02", "endDate", "2026-10-30"), LOOKBACK,
				NOW);
		assertThat(mixed.start()).isEqualTo(LocalDate.parse("2026-10-02"));
		assertThat(mixed.end()).isEqualTo(LocalDate.parse("2026-10-30"));
	}

	@Test
	@DisplayName("FDX §3.2: when both names are sent, startTime/endTime win over startDate/endDate")
	void timeNamesWin() {
		Map<String, String> parameters = new HashMap<>();
		parameters.put("startTime", "2026-10-05");
		parameters.put("startDate", "2026-10-01");
		parameters.put("endTime", "2026-10-25");
		parameters.put("endDate", "2026-10-31");
		HistoryWindow window = HistoryWindow.of(parameters, LOOKBACK, NOW);
		assertThat(window.start()).isEqualTo(LocalDate.parse("2026-10-05"));
		assertThat(window.end()).isEqualTo(LocalDate.parse("2026-10-25"));
	}

	@Test
	@DisplayName("FDX §2 lookback: the window is counted from the request's time in UTC")
	void countsFromTheRequestTime() {
		HistoryWindow window = HistoryWindow.of(Map.of(), 1, Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(window.windowStart()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
		assertThat(window.start()).isEqualTo(LocalDate.parse("2026-11-30"));
		assertThat(window.end()).isEqualTo(LocalDate.parse("2026-12-01"));
	}

	private static FdxRefusal refusal(Map<String, String> parameters) {
		return assertThatExceptionOfType(FdxRefusal.class).isThrownBy(() -> HistoryWindow.of(parameters, LOOKBACK, NOW))
			.actual();
	}

}
