package com.consentry.sandbox.fdx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Paging arithmetic and the page/links members (spec/fdx.md §3.1). */
class PageRequestTests {

	private static final List<Integer> SIXTY = IntStream.range(0, 60).boxed().toList();

	private static MockHttpServletRequest request(String... parameters) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fdx/v6/accounts/a-1/transactions");
		for (int i = 0; i < parameters.length; i += 2) {
			request.addParameter(parameters[i], parameters[i + 1]);
		}
		return request;
	}

	@Test
	@DisplayName("FDX §3.1: 25 by default; pages follow each other to the end, where no next cursor comes back")
	void pagesToTheEnd() {
		List<Object> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			MockHttpServletRequest request = (cursor != null) ? request("offset", cursor) : request();
			Map<String, Object> body = PageRequest.of(request).body("items", SIXTY, request, Map.of());
			@SuppressWarnings("unchecked")
			Map<String, Object> page = (Map<String, Object>) body.get("page");
			assertThat(page.get("totalElements")).isEqualTo(60);
			seen.addAll((List<?>) body.get("items"));
			cursor = (String) page.get("nextOffset");
			assertThat(page.get("nextPageKey")).isEqualTo(cursor);
			assertThat(body.containsKey("links")).isEqualTo(cursor != null);
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(3);
		assertThat(seen).isEqualTo(new ArrayList<Object>(SIXTY));
	}

	@Test
	@DisplayName("FDX §3.1: pageKey is the same cursor as offset; a cursor past the end gives an empty last page")
	void pageKeyAndPastTheEnd() {
		MockHttpServletRequest request = request("pageKey", "50", "limit", "20");
		Map<String, Object> body = PageRequest.of(request).body("items", SIXTY, request, Map.of());
		assertThat(body.get("items")).isEqualTo(SIXTY.subList(50, 60));
		assertThat(body).doesNotContainKey("links");
		MockHttpServletRequest beyond = request("offset", "600");
		assertThat((List<?>) PageRequest.of(beyond).body("items", SIXTY, beyond, Map.of()).get("items")).isEmpty();
		MockHttpServletRequest empty = request();
		assertThat(PageRequest.of(empty).body("items", List.of(), empty, Map.of()).get("page"))
			.isEqualTo(Map.of("totalElements", 0));
	}

	@Test
	@DisplayName("FDX §3.1: links.next.href repeats the path and the search's filters, with the defaults it applied")
	void nextLinkRepeatsTheFilters() {
		MockHttpServletRequest request = request("startTime", "2026-01-01", "endTime", "2026-06-30", "limit", "10",
				"offset", "10", "memo", "a b&c");
		Map<String, String> implied = new LinkedHashMap<>();
		implied.put("startTime", "ignored, the request has one");
		implied.put("category", "all");
		Map<String, Object> body = PageRequest.of(request).body("items", SIXTY, request, implied);
		assertThat(body.get("links")).isEqualTo(Map.of("next",
				Map.of("href", "/fdx/v6/accounts/a-1/transactions?startTime=2026-01-01&endTime=2026-06-30&memo=a+b%26c"
						+ "&category=all&offset=20&limit=10")));
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			limit, 0
			limit, 101
			limit, ten
			limit, -1
			offset, -5
			offset, abc
			pageKey, 1e3
			""")
	@DisplayName("FDX §3.3: a bad limit or cursor is 400 code 401")
	void badValues(String name, String value) {
		assertThatExceptionOfType(FdxException.class).isThrownBy(() -> PageRequest.of(request(name, value)))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(FdxError.INVALID_INPUT));
	}

	@Test
	@DisplayName("FDX §3.3: offset and pageKey naming different cursors is 400 code 401")
	void conflictingCursors() {
		assertThatExceptionOfType(FdxException.class)
			.isThrownBy(() -> PageRequest.of(request("offset", "10", "pageKey", "20")))
			.satisfies((ex) -> assertThat(ex.error().code()).isEqualTo("401"));
		assertThat(PageRequest.of(request("offset", "10", "pageKey", "10"))).isEqualTo(new PageRequest(10, 25));
		assertThatExceptionOfType(FdxException.class).isThrownBy(() -> PageRequest.of(request("offset", "alice-ssn")))
			.satisfies((ex) -> assertThat(ex.debugMessage()).as("never echoes what was sent").doesNotContain("alice"));
		assertThat(PageRequest.of(request("limit", "100"))).isEqualTo(new PageRequest(0, 100));
	}

}
