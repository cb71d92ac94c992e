package com.consentry.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The customer's browser at the HTTP level: keeps cookies, follows redirects only while
 * they stay on the server, and fills forms from their hidden fields. One per thread;
 * {@link #newSession()} forgets the cookies so that every flow signs in afresh, while
 * connections stay open as a browser's would.
 */
final class CustomerBrowser {

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int MAX_HOPS = 10;

	private final URI server;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private final RequestBudget budget;

	CustomerBrowser(URI server, RequestBudget budget) {
		this.server = server;
		this.budget = budget;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(TIMEOUT)
			.build();
	}

	/** Forgets every cookie: the next request starts a new browser session. */
	void newSession() {
		this.cookies.getCookieStore().removeAll();
	}

	/** GET {@code uri} and the server's redirects after it; returns the last answer. */
	HttpResponse<String> get(String step, URI uri) throws OperationFailed {
		return followOnServer(step, send(step, HttpRequest.newBuilder(uri).GET()));
	}

	/**
	 * POST a form to {@code path} and follow the server's redirects; returns the last
	 * answer.
	 */
	HttpResponse<String> post(String step, String path, List<Map.Entry<String, String>> form) throws OperationFailed {
		String body = form.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return followOnServer(step,
				send(step,
						HttpRequest.newBuilder(this.server.resolve(path))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.POST(HttpRequest.BodyPublishers.ofString(body))));
	}

	/**
	 * The {@code <input type="hidden">} fields of a page, in document order, HTML
	 * entities decoded.
	 */
	static List<Map.Entry<String, String>> hiddenFields(String html) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		Matcher matcher = HIDDEN.matcher(html);
		while (matcher.find()) {
			fields.add(Map.entry(matcher.group(1), unescape(matcher.group(2))));
		}
		return fields;
	}

	private HttpResponse<String> followOnServer(String step, HttpResponse<String> response) throws OperationFailed {
		int hops = 0;
		HttpResponse<String> current = response;
		while (current.statusCode() / 100 == 3) {
			String header = current.headers().firstValue("Location").orElse(null);
			if (header == null) {
				throw new OperationFailed(step + ": " + current.statusCode() + " without Location");
			}
			URI location = current.uri().resolve(header);
			if (!this.server.getRawAuthority().equals(location.getRawAuthority())) {
				return current;
			}
			if (++hops > MAX_HOPS) {
				throw new OperationFailed(step + ": more than " + MAX_HOPS + " redirects");
			}
			current = send(step, HttpRequest.newBuilder(location).GET());
		}
		return current;
	}

	private HttpResponse<String> send(String step, HttpRequest.Builder request) throws OperationFailed {
		this.budget.take();
		try {
			return this.http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new OperationFailed(step + ": I/O " + ex.getClass().getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OperationFailed(step + ": interrupted", ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
