package com.consentry.authz.admin.overview;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-side layout of the overview's charts: bars in proportion to their values on
 * a shared scale, every value readable as text and tooltip, empty data drawn as empty.
 */
class ChartTests {

	@Test
	@DisplayName("Issue 10 (4): columns are in proportion on one scale, the largest fills the plot, zero draws no height")
	void columnsAreInProportion() {
		Chart chart = Chart.columns(List.of("a", "b", "c"),
				List.of(new Chart.Series("granted", "granted", List.of(4L, 2L, 0L)),
						new Chart.Series("revoked", "revoked", List.of(1L, 0L, 0L))),
				300, 200, 1);

		assertThat(chart.bars()).hasSize(6);
		Chart.Bar largest = chart.bars().get(0);
		Chart.Bar half = chart.bars().get(2);
		assertThat(half.height() * 2).isEqualTo(largest.height());
		assertThat(largest.y() + largest.height()).isEqualTo(chart.baseline().y1());
		assertThat(chart.bars().get(4).height()).isZero();
		assertThat(chart.bars()).extracting(Chart.Bar::title).contains("a, granted: 4", "c, revoked: 0");
		assertThat(chart.labels()).extracting(Chart.Label::text).contains("4", "2", "1", "a", "b", "c");
	}

	@Test
	@DisplayName("Issue 10 (4): a series without a colour of its own colours each bar by its category")
	void barsColouredByCategory() {
		Chart chart = Chart.columns(List.of("PENDING", "ACTIVE"),
				List.of(new Chart.Series("partners", "", List.of(1L, 3L))), 300, 200, 1);

		assertThat(chart.bars()).extracting(Chart.Bar::cssClass).containsExactly("PENDING", "ACTIVE");
	}

	@Test
	@DisplayName("Issue 10 (4): rows carry each name and value; a long name is shortened on the chart and whole in the tooltip")
	void rowsCarryNamesAndValues() {
		String longName = "A very long application name (Some Organisation Ltd)";
		Chart chart = Chart.rows(List.of(longName, "Short"), List.of(10L, 5L), "tokens", 720);

		assertThat(chart.bars().get(0).width()).isEqualTo(2 * chart.bars().get(1).width());
		assertThat(chart.bars()).extracting(Chart.Bar::title).containsExactly(longName + ": 10", "Short: 5");
		assertThat(chart.labels()).extracting(Chart.Label::text).contains("10", "5", "Short").doesNotContain(longName);
	}

	@Test
	@DisplayName("Issue 10 (4): all-zero data draws an empty chart, not a division by zero")
	void zeroDataIsEmpty() {
		Chart chart = Chart.columns(List.of("x", "y"), List.of(new Chart.Series("s", "s", List.of(0L, 0L))), 300, 200,
				1);

		assertThat(chart.bars()).allSatisfy((bar) -> assertThat(bar.height()).isZero());
	}

}
