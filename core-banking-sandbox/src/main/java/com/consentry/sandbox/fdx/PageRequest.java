package com.consentry.sandbox.fdx;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list (spec/fdx.md §3.1): the cursor {@code offset} (FDX ≤ 6.2) or its
 * synonym {@code pageKey} (6.3 on), an opaque numeric string, and {@code limit} (default
 * {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}). Anything else is 400
 * {@code 401}. The answer carries {@code page.nextOffset} and {@code page.nextPageKey}
 * (the same cursor, for partners on either version), {@code page.totalElements}, and
 * {@code links.next.href} repeating the search's filters; the last page has no next
 * cursor.
 *
 * @param offset how many elements to skip
 * @param limit the most elements to return
 */
public record PageRequest(int offset, int limit) {

	/** Elements per page when the request does not say. */
	public static final int DEFAULT_LIMIT = 25;

	/** The most elements per page. */
	public static final int MAX_LIMIT = 100;

	private static final Pattern CURSOR = Pattern.compile("[0-9]{1,9}");

	private static final Set<String> PAGING_PARAMETERS = Set.of("offset", "pageKey", "limit");

	public static PageRequest of(HttpServletRequest request) {
		String offset = request.getParameter("offset");
		String pageKey = request.getParameter("pageKey");
		if (offset != null && pageKey != null && !offset.equals(pageKey)) {
			throw new FdxException(FdxError.INVALID_INPUT, "offset and pageKey name the same cursor; send one");
		}
		String cursor = (offset != null) ? offset : pageKey;
		if (cursor != null && !CURSOR.matcher(cursor).matches()) {
			throw new FdxException(FdxError.INVALID_INPUT, "offset/pageKey must be a cursor this API returned");
		}
		String limit = request.getParameter("limit");
		int size = DEFAULT_LIMIT;
		if (limit != null) {
			size = CURSOR.matcher(limit).matches() ? Integer.parseInt(limit) : 0;
			if (size < 1 || size > MAX_LIMIT) {
				throw new FdxException(FdxError.INVALID_INPUT, "limit must be a whole number from 1 to " + MAX_LIMIT);
			}
		}
		return new PageRequest((cursor != null) ? Integer.parseInt(cursor) : 0, size);
	}

	/**
	 * The body of a paginated answer: {@code page}, {@code links} (when there is a next
	 * page) and the page's elements under {@code member}.
	 * @param member the list's name, e.g. {@code accounts}
	 * @param all every element, in order
	 * @param request the search, whose path and filters the next link repeats
	 * @param impliedFilters filters the search applied without being asked (defaults),
	 * put into the next link so that every page answers the same search
	 */
	public Map<String, Object> body(String member, List<?> all, HttpServletRequest request,
			Map<String, String> impliedFilters) {
		int total = all.size();
		int from = Math.min(this.offset, total);
		int to = (int) Math.min((long) from + this.limit, total);
		Integer next = (to < total) ? to : null;
		Map<String, Object> page = new LinkedHashMap<>();
		if (next != null) {
			page.put("nextOffset", next.toString());
			page.put("nextPageKey", next.toString());
		}
		page.put("totalElements", total);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("page", page);
		if (next != null) {
			body.put("links", Map.of("next", Map.of("href", nextHref(request, impliedFilters, next))));
		}
		body.put(member, all.subList(from, to));
		return body;
	}

	private String nextHref(HttpServletRequest request, Map<String, String> impliedFilters, int next) {
		StringBuilder href = new StringBuilder(request.getRequestURI()).append('?');
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!PAGING_PARAMETERS.contains(parameter.getKey())) {
				for (String value : parameter.getValue()) {
					append(href, parameter.getKey(), value);
				}
			}
		}
		impliedFilters.forEach((name, value) -> {
			if (request.getParameter(name) == null) {
				append(href, name, value);
			}
		});
		append(href, "offset", Integer.toString(next));
		append(href, "limit", Integer.toString(this.limit));
		return href.substring(0, href.length() - 1);
	}

	private static void append(StringBuilder href, String name, @Nullable String value) {
		href.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8))
			.append('&');
	}

}
