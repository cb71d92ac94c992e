package com.consentry.authz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/spec-matrix.md} stays true: every test class a row names exists under
 * {@code src/test/java} of some module, every quoted {@code @DisplayName} start is the
 * start of a display name in that class (as often as a following {@code (×N)} says), and
 * every requirement row names a test. Only the "Not yet met" section may list
 * requirements without one.
 */
class SpecMatrixTests {

	private static final String NOT_YET_MET = "Not yet met";

	/**
	 * A test class, optionally with a member or a folder: {@code DpopProofTests},
	 * {@code clientauth/X.y}.
	 */
	private static final Pattern TEST_CLASS = Pattern.compile("(?:[a-z]+/)*([A-Z]\\w*Tests?)(?:\\.\\w+)?");

	/**
	 * In the test column: a backticked name, or a quoted display-name start with an
	 * optional count.
	 */
	private static final Pattern TEST_CELL_TOKEN = Pattern.compile("`([^`]+)`|\"([^\"]+)\"(?:\\s*\\(×(\\d+)\\))?");

	// one string literal, or several joined with + (a long name split over lines)
	private static final Pattern DISPLAY_NAME = Pattern
		.compile("@DisplayName\\(((?:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?)+)\\)");

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static Path root;

	private static Map<String, Path> testSources;

	@BeforeAll
	static void findSources() throws IOException {
		root = Path.of("").toAbsolutePath();
		while (!Files.exists(root.resolve("docs/spec-matrix.md"))) {
			root = root.getParent();
			assertThat(root).as("docs/spec-matrix.md above the working directory").isNotNull();
		}
		testSources = new HashMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> root.relativize(file).toString().contains("src/test/java/"))
				.forEach((file) -> testSources.put(file.getFileName().toString().replace(".java", ""), file));
		}
	}

	@Test
	@DisplayName("Issue 7: every test the spec matrix names exists, with the display names it quotes, and every requirement row names a test")
	void specMatrixNamesExistingTests() throws IOException {
		List<String> problems = new ArrayList<>();
		int rows = 0;
		String section = "";
		boolean header = false;
		for (String line : Files.readAllLines(root.resolve("docs/spec-matrix.md"))) {
			if (line.startsWith("## ")) {
				section = line.substring(3).trim();
				header = true;
				continue;
			}
			if (!line.startsWith("|")) {
				continue;
			}
			if (header || line.matches("\\|[\\s|:-]+\\|")) {
				// the column names, then the line under them
				header = line.matches("\\|[\\s|:-]+\\|") ? false : header;
				continue;
			}
			rows++;
			String[] cells = line.split("\\|");
			String requirement = cells[1].trim();
			problems.addAll(check(section, requirement, cells[cells.length - 1].trim()));
		}
		assertThat(rows).as("requirement rows read").isGreaterThan(50);
		assertThat(problems).as("wrong rows in docs/spec-matrix.md").isEmpty();
	}

	private static List<String> check(String section, String requirement, String tests) throws IOException {
		List<String> problems = new ArrayList<>();
		String where = section + " / " + requirement + ": ";
		List<String> displayNames = null;
		String testClass = null;
		int classes = 0;
		Matcher token = TEST_CELL_TOKEN.matcher(tests);
		while (token.find()) {
			if (token.group(1) != null) {
				Matcher name = TEST_CLASS.matcher(token.group(1));
				if (!name.matches()) {
					continue;
				}
				testClass = name.group(1);
				classes++;
				Path source = testSources.get(testClass);
				if (source == null) {
					problems.add(where + "no test class " + testClass);
					displayNames = List.of();
				}
				else {
					displayNames = displayNames(source);
				}
				continue;
			}
			String start = token.group(2);
			int times = (token.group(3) != null) ? Integer.parseInt(token.group(3)) : 1;
			if (displayNames == null) {
				problems.add(where + "\"" + start + "\" follows no test class");
				continue;
			}
			long found = displayNames.stream().filter((displayName) -> displayName.startsWith(start)).count();
			if (found < times) {
				problems.add(where + testClass + " has " + found + " display names starting with \"" + start
						+ "\", the matrix says " + times);
			}
		}
		if (classes == 0 && !section.equals(NOT_YET_MET)) {
			problems.add(where + "names no test");
		}
		return problems;
	}

	private static List<String> displayNames(Path source) throws IOException {
		List<String> names = new ArrayList<>();
		Matcher matcher = DISPLAY_NAME.matcher(Files.readString(source));
		while (matcher.find()) {
			StringBuilder name = new StringBuilder();
			Matcher literal = LITERAL.matcher(matcher.group(1));
			while (literal.find()) {
				name.append(literal.group(1));
			}
			names.add(name.toString().replace("\\\"", "\"").replace("\\\\", "\\"));
		}
		return names;
	}

}
