package com.consentry.authz.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A customer's browser at the HTTP level, for protocol tests: follows the server's
 * redirects within the server, signs in through the login form and answers the consent
 * form with its real field names. (The pages themselves are tested in a real Chromium.)
 */
public final class CustomerSession {

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final URI server;

	private final HttpClient http;

	private final CookieManager cookies;

	public CustomerSession(URI server) {
		this(server, new CookieManager());
	}

	private CustomerSession(URI server, CookieManager cookies) {
		this.server = server;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * The same browser talking to another instance of the server (host-only cookies for
	 * {@code localhost} ignore the port, as behind one load-balanced name).
	 */
	public CustomerSession via(URI otherInstance) {
		return new CustomerSession(otherInstance, this.cookies);
	}

	/**
	 * GET {@code uri}; follows redirects that stay on the server; returns the last
	 * response.
	 */
	public HttpResponse<String> get(URI uri) {
		HttpResponse<String> response = send(browser(uri).GET().build());
		return followOnServer(response);
	}

	public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) {
		String body = form.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = send(
				browser(this.server.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build());
		return followOnServer(response);
	}

	/**
	 * POSTs {@code json} as the pages' passkey script does, with the CSRF token of
	 * {@code page} (its {@code _csrf} meta tags); returns the answer, not followed.
	 */
	public HttpResponse<String> postJson(String path, String json, HttpResponse<String> page) {
		Matcher token = CSRF_TOKEN.matcher(page.body());
		Matcher header = CSRF_HEADER.matcher(page.body());
		if (!token.find() || !header.find()) {
			throw new IllegalStateException("no CSRF meta tags on " + page.uri());
		}
		return send(HttpRequest.newBuilder(this.server.resolve(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header(header.group(1), token.group(1))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * POSTs {@code json} as a page of another site could: with the session's cookie but
	 * without the CSRF token; returns the answer, not followed.
	 */
	public HttpResponse<String> postJsonWithoutCsrf(String path, String json) {
		return send(HttpRequest.newBuilder(this.server.resolve(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** Fills the login form of {@code loginPage}. */
	public HttpResponse<String> signIn(HttpResponse<String> loginPage, String username, String password) {
		List<Map.Entry<String, String>> form = new ArrayList<>(hiddenFields(loginPage.body()));
		form.add(Map.entry("username", username));
		form.add(Map.entry("password", password));
		return post("/login", form);
	}

	/**
	 * Submits the consent form of {@code consentPage} with the chosen accounts and
	 * decision.
	 */
	public HttpResponse<String> decide(HttpResponse<String> consentPage, List<String> accountIds, String decision) {
		List<Map.Entry<String, String>> form = new ArrayList<>(hiddenFields(consentPage.body()));
		accountIds.forEach((id) -> form.add(Map.entry("accountIds", id)));
		form.add(Map.entry("decision", decision));
		return post("/oauth2/authorize", form);
	}

	/**
	 * The whole customer part: sign in as {@code username}, approve with the given
	 * accounts.
	 */
	public HttpResponse<String> authorize(URI authorizationUrl, String username, String password,
			List<String> accountIds, String decision) {
		HttpResponse<String> login = get(authorizationUrl);
		HttpResponse<String> consent = signIn(login, username, password);
		if (!consent.body().contains("name=\"decision\"")) {
			throw new IllegalStateException("expected the consent page, got " + consent.statusCode() + ": "
					+ consent.uri() + "\n" + consent.body());
		}
		return decide(consent, accountIds, decision);
	}

	public static List<Map.Entry<String, String>> hiddenFields(String html) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		Matcher matcher = HIDDEN.matcher(html);
		while (matcher.find()) {
			fields.add(Map.entry(matcher.group(1), unescape(matcher.group(2))));
		}
		return fields;
	}

	private HttpResponse<String> followOnServer(HttpResponse<String> response) {
		int hops = 0;
		while (response.statusCode() / 100 == 3 && hops++ < 10) {
			URI location = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			if (!location.getAuthority().equals(this.server.getAuthority())) {
				return response;
			}
			response = send(browser(location).GET().build());
		}
		return response;
	}

	/** A request as a browser's navigation sends it: asking for a page. */
	private static HttpRequest.Builder browser(URI uri) {
		return HttpRequest.newBuilder(uri).header("Accept", BROWSER_ACCEPT);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
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
