package com.consentry.authz.admin.overview;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

/**
 * A bar chart laid out on the server, for the page to draw as inline SVG: rectangles and
 * text at computed positions, styled by class (the content security policy forbids inline
 * styles and scripts). Every bar carries its value as text and as a tooltip, so the
 * numbers are readable without the picture.
 *
 * @param width the view box width
 * @param height the view box height
 * @param bars the bars
 * @param labels the texts: category names and values
 * @param baseline the axis line
 */
public record Chart(int width, int height, List<Bar> bars, List<Label> labels, Line baseline) {

	private static final int TOP = 22;

	private static final int BOTTOM = 30;

	private static final int LEFT = 8;

	private static final int MAX_NAME = 34;

	/**
	 * One group of bars per category, side by side, on a shared scale from zero.
	 * @param categories the category names under the groups
	 * @param series one series per bar in a group, each with a value per category
	 * @param labelEvery write every n-th category name (1 for all)
	 */
	static Chart columns(List<String> categories, List<Series> series, int width, int height, int labelEvery) {
		Assert.isTrue(!series.isEmpty(), "at least one series");
		series.forEach((s) -> Assert.isTrue(s.values().size() == categories.size(), "a value per category"));
		long max = Math.max(1,
				series.stream().flatMap((s) -> s.values().stream()).mapToLong(Long::longValue).max().orElse(1));
		int plotHeight = height - TOP - BOTTOM;
		double slot = (double) (width - 2 * LEFT) / Math.max(1, categories.size());
		double barWidth = Math.max(1, slot * 0.8 / series.size());
		List<Bar> bars = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		for (int c = 0; c < categories.size(); c++) {
			double groupLeft = LEFT + c * slot + slot * 0.1;
			for (int s = 0; s < series.size(); s++) {
				long value = series.get(s).values().get(c);
				int barHeight = (int) Math.round((double) value / max * plotHeight);
				double x = groupLeft + s * barWidth;
				int y = height - BOTTOM - barHeight;
				String cssClass = series.get(s).cssClass().isEmpty() ? categories.get(c) : series.get(s).cssClass();
				bars.add(new Bar(round(x), y, round(Math.max(1, barWidth - 1)), barHeight, cssClass,
						categories.get(c) + ", " + series.get(s).name() + ": " + value));
				if (value > 0 && (categories.size() <= 12 || value == max)) {
					labels.add(new Label(round(x + barWidth / 2), y - 4, Long.toString(value), "middle", "value"));
				}
			}
			if (c % labelEvery == 0) {
				labels.add(new Label(round(LEFT + c * slot + slot / 2), height - BOTTOM + 16, categories.get(c),
						"middle", "category"));
			}
		}
		return new Chart(width, height, bars, labels, new Line(LEFT, height - BOTTOM, width - LEFT, height - BOTTOM));
	}

	/** One horizontal bar per row, longest first as given, names on the left. */
	static Chart rows(List<String> names, List<Long> values, String cssClass, int width) {
		Assert.isTrue(names.size() == values.size(), "a value per name");
		int rowHeight = 26;
		int nameWidth = 260;
		int height = Math.max(1, names.size()) * rowHeight + 10;
		long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
		int plotWidth = width - nameWidth - 60;
		List<Bar> bars = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			long value = values.get(i);
			int y = 5 + i * rowHeight;
			int barWidth = (int) Math.max(1, Math.round((double) value / max * plotWidth));
			bars.add(new Bar(nameWidth, y + 4, barWidth, rowHeight - 8, cssClass, names.get(i) + ": " + value));
			labels.add(new Label(nameWidth - 8, y + rowHeight / 2 + 4, shortened(names.get(i)), "end", "category"));
			labels.add(
					new Label(nameWidth + barWidth + 6, y + rowHeight / 2 + 4, Long.toString(value), "start", "value"));
		}
		return new Chart(width, height, bars, labels, new Line(nameWidth, 0, nameWidth, height));
	}

	// a name that fits left of the bars; the bar's tooltip has it whole
	private static String shortened(String name) {
		return (name.length() <= MAX_NAME) ? name : name.substring(0, MAX_NAME - 1) + "…";
	}

	private static int round(double value) {
		return (int) Math.round(value);
	}

	/**
	 * The values of one series.
	 *
	 * @param name what it counts
	 * @param cssClass its colour, by class; empty to colour each bar by its category
	 * @param values one per category
	 */
	record Series(String name, String cssClass, List<Long> values) {
	}

	/**
	 * A bar.
	 *
	 * @param x left
	 * @param y top
	 * @param width width
	 * @param height height
	 * @param cssClass its colour, by class
	 * @param title its category and value, as a tooltip
	 */
	public record Bar(int x, int y, int width, int height, String cssClass, String title) {
	}

	/**
	 * A text.
	 *
	 * @param x anchor position
	 * @param y baseline
	 * @param text the text
	 * @param anchor SVG {@code text-anchor}
	 * @param cssClass {@code value} or {@code category}
	 */
	public record Label(int x, int y, String text, String anchor, String cssClass) {
	}

	/**
	 * A line.
	 *
	 * @param x1 start
	 * @param y1 start
	 * @param x2 end
	 * @param y2 end
	 */
	public record Line(int x1, int y1, int x2, int y2) {
	}

}
