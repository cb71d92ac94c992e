package com.consentry.authz.consentpage;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.CustomerSession;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.HeadlessChromium;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's pages (sign-in and consent) in a real headless Chromium, against the
 * whole server: what the customer sees, what each button does, and what the partner gets
 * back in the JARM response.
 *
 * @see ConsentPageController
 * @see ConsentSelectionFilter
 * @see ConsentDecision
 */
class ConsentPageBrowserTests extends AuthorizationServerTest {

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	static final HeadlessChromium browser = new HeadlessChromium();

	private static final Duration PAGE_WAIT = Duration.ofSeconds(15);

	private static final String LOGIN_FAILED = "The user name or password is not right";

	/**
	 * Some of these tests fail sign-ins on purpose; the tests after them must not inherit
	 * the back-off.
	 */
	@AfterEach
	void forgetFailedSignIns() {
		this.jdbc.sql("DELETE FROM authz.sign_in_throttle").update();
	}

	@Test
	@DisplayName("DESIGN contract: customer signs in, picks accounts and approves; JARM carries a code and the token grants exactly those accounts")
	void showsWhoAsksForWhatAndGrantsTheChosenAccounts() throws Exception {
		WebDriver driver = browser.driver();
		FapiTestClient partner = newPartner();
		CodeVerifier verifier = new CodeVerifier();
		Pushed pushed = push(partner, verifier);

		signIn(driver, authorizationUrl(partner, pushed.requestUri()), "alice", "alice-demo-pass");
		assertOnConsentPage(driver);

		assertThat(driver.getTitle()).isEqualTo("Share your data with Test Budget App?");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Test Budget App");
		String page = driver.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Offered by Test Fintech Ltd")
			.contains("Detailed account information: balances, credit limits, interest rates and due dates")
			.contains("Transactions: pending and posted transactions")
			.contains("Access lasts for 30 days.")
			.contains("up to 90 days of history")
			.doesNotContain("ACCOUNT_DETAILED", "TRANSACTIONS");
		assertThat(accountChoices(driver)).containsExactlyInAnyOrder("acc-alice-chk-01", "acc-alice-sav-02",
				"acc-alice-crd-03");
		assertThat(page).contains("Checking account ending ...3401", "Credit card ending ...4321");
		assertThat(page).contains("Bills · Everyday Checking", "...3401", "Rainy day · High-Yield Savings", "...7802",
				"Cashback Visa", "...4321");
		assertThat(driver.getPageSource()).as("full account numbers never reach the page")
			.doesNotContain("021000021000123401", "021000021000567802", "4111111111114321", "000123401", "11114321");
		assertThat(driver.findElements(By.cssSelector("input[name=accountIds]:checked"))).as("nothing pre-selected")
			.isEmpty();
		screenshot(driver, Path.of("/tmp/consent-page.png"));

		chooseAccount(driver, "acc-alice-sav-02");
		chooseAccount(driver, "acc-alice-crd-03");
		JWTClaimsSet response = decide(driver, partner, "approve");

		assertThat(response.getStringClaim("error")).isNull();
		assertThat(response.getStringClaim("state")).isEqualTo(pushed.state());
		String code = response.getStringClaim("code");
		assertThat(code).isNotBlank();
		assertThat(grantedAccounts(partner, code, verifier)).containsExactlyInAnyOrder("acc-alice-sav-02",
				"acc-alice-crd-03");
	}

	@Test
	@DisplayName("DESIGN contract: deny on the consent page → JARM access_denied with the state echoed, no code")
	void denyAnswersAccessDenied() throws Exception {
		WebDriver driver = browser.driver();
		FapiTestClient partner = newPartner();
		Pushed pushed = push(partner, new CodeVerifier());

		signIn(driver, authorizationUrl(partner, pushed.requestUri()), "alice", "alice-demo-pass");
		assertOnConsentPage(driver);
		chooseAccount(driver, "acc-alice-chk-01");
		JWTClaimsSet response = decide(driver, partner, "deny");

		assertThat(response.getStringClaim("error")).isEqualTo("access_denied");
		assertThat(response.getStringClaim("state")).isEqualTo(pushed.state());
		assertThat(response.getClaim("code")).isNull();
	}

	@Test
	@DisplayName("DESIGN contract: approving without an account returns to the consent page with a message, grants nothing; then one account → code")
	void approvalWithoutAccountAsksAgain() throws Exception {
		WebDriver driver = browser.driver();
		FapiTestClient partner = newPartner();
		CodeVerifier verifier = new CodeVerifier();
		Pushed pushed = push(partner, verifier);

		signIn(driver, authorizationUrl(partner, pushed.requestUri()), "alice", "alice-demo-pass");
		assertOnConsentPage(driver);
		assertThat(driver.findElements(By.cssSelector("[role=alert]"))).isEmpty();
		clickDecision(driver, "approve");

		// the page is only rendered while the consent is still AWAITING_AUTHORIZATION
		new WebDriverWait(driver, PAGE_WAIT).until((d) -> d.getCurrentUrl().contains("error=no_account"));
		assertOnConsentPage(driver);
		assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText())
			.isEqualTo("Choose at least one account to share.");
		assertThat(driver.getCurrentUrl()).doesNotStartWith(FapiTestClient.REDIRECT_URI);
		assertThat(accountChoices(driver)).hasSize(3);

		chooseAccount(driver, "acc-alice-chk-01");
		JWTClaimsSet response = decide(driver, partner, "approve");

		assertThat(response.getStringClaim("state")).isEqualTo(pushed.state());
		String code = response.getStringClaim("code");
		assertThat(code).isNotBlank();
		assertThat(grantedAccounts(partner, code, verifier)).containsExactly("acc-alice-chk-01");
	}

	@Test
	@DisplayName("Login page: a wrong password and an unknown user get the same answer, never saying which")
	void wrongPasswordAndUnknownUserGetTheSameAnswer() {
		WebDriver driver = browser.driver();

		// one failure for alice; any later successful sign-in of hers resets the count
		String wrongPassword = failedSignIn(driver, "alice", "not-alice-password");
		browser.clearCookies();
		String unknownUser = failedSignIn(driver, "nobody-" + System.nanoTime(), "alice-demo-pass");

		assertThat(wrongPassword).contains(LOGIN_FAILED).doesNotContainIgnoringCase("locked");
		assertThat(unknownUser).isEqualTo(wrongPassword);
		assertThat(driver.findElement(By.name("username")).getDomProperty("value")).isEmpty();
	}

	/**
	 * Bob is used by no other test: after this one his sign-in from the test's address
	 * waits for {@code consentry.login.back-off} (30 s) and longer in the shared context.
	 */
	@Test
	@DisplayName("Login page: after consentry.login.free-attempts (5) wrong passwords even the right one is held back, with the same message")
	void holdsSignInBackAfterRepeatedFailures() {
		WebDriver driver = browser.driver();

		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(failedSignIn(driver, "bob", "wrong-" + attempt)).as("attempt %d", attempt)
				.contains(LOGIN_FAILED);
		}
		String heldBack = failedSignIn(driver, "bob", "bob-demo-pass");

		assertThat(heldBack).contains(LOGIN_FAILED);
		assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/login");
	}

	@Test
	@DisplayName("DESIGN contract: the login and consent pages work without JavaScript")
	void worksWithoutJavaScript() throws Exception {
		try (HeadlessChromium noScript = HeadlessChromium.withJavaScriptDisabled()) {
			WebDriver driver = noScript.driver();
			driver.get("data:text/html,<title>off</title><script>document.title='on'</script>");
			assertThat(driver.getTitle()).as("JavaScript really is off").isEqualTo("off");

			FapiTestClient partner = newPartner();
			CodeVerifier verifier = new CodeVerifier();
			Pushed pushed = push(partner, verifier);
			signIn(driver, authorizationUrl(partner, pushed.requestUri()), "alice", "alice-demo-pass");
			assertOnConsentPage(driver);
			chooseAccount(driver, "acc-alice-chk-01");
			chooseAccount(driver, "acc-alice-sav-02");
			JWTClaimsSet response = decide(driver, partner, "approve");

			assertThat(response.getStringClaim("code")).isNotBlank();
			assertThat(grantedAccounts(partner, response.getStringClaim("code"), verifier))
				.containsExactlyInAnyOrder("acc-alice-chk-01", "acc-alice-sav-02");
		}
	}

	@Test
	@DisplayName("Customer pages: no framing (CSP frame-ancestors 'none', X-Frame-Options DENY) and no caching (no-store)")
	void customerPagesForbidFramingAndCaching() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(ISSUER.resolve("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		assertProtected(login);

		FapiTestClient partner = newPartner();
		Pushed pushed = push(partner, new CodeVerifier());
		CustomerSession alice = new CustomerSession(ISSUER);
		HttpResponse<String> loginPage = alice.get(authorizationUrl(partner, pushed.requestUri()));
		assertThat(loginPage.uri().getPath()).isEqualTo("/login");
		assertProtected(loginPage);
		HttpResponse<String> consent = alice.signIn(loginPage, "alice", "alice-demo-pass");
		assertThat(consent.statusCode()).isEqualTo(200);
		assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
		assertThat(consent.body()).contains("name=\"decision\"");
		assertProtected(consent);
	}

	private static void assertProtected(HttpResponse<String> page) {
		var headers = page.headers();
		assertThat(headers.allValues("Content-Security-Policy")).as("CSP of %s", page.uri())
			.anySatisfy((csp) -> assertThat(csp).contains("frame-ancestors 'none'"));
		assertThat(headers.allValues("X-Frame-Options")).as("X-Frame-Options of %s", page.uri())
			.containsExactly("DENY");
		assertThat(String.join(",", headers.allValues("Cache-Control"))).as("Cache-Control of %s", page.uri())
			.contains("no-store");
	}

	private record Pushed(String requestUri, String state) {
	}

	/**
	 * PAR with the standard request; keeps the state to compare with the JARM response.
	 */
	private static Pushed push(FapiTestClient partner, CodeVerifier verifier) throws Exception {
		AuthorizationRequest request = partner.authorizationRequest(verifier).build();
		HTTPResponse response = partner.push(request);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
		String requestUri = PushedAuthorizationResponse.parse(response).toSuccessResponse().getRequestURI().toString();
		return new Pushed(requestUri, request.getState().getValue());
	}

	/** Opens the authorization URL, lands on the login page and signs in. */
	private static void signIn(WebDriver driver, URI authorizationUrl, String username, String password) {
		driver.get(authorizationUrl.toString());
		assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/login");
		assertThat(driver.getTitle()).isEqualTo("Sign in to your bank");
		submitLogin(driver, username, password);
	}

	/**
	 * Signs in on a fresh login page, expects to stay there; returns the page's whole
	 * text.
	 */
	private static String failedSignIn(WebDriver driver, String username, String password) {
		driver.get(ISSUER.resolve("/login").toString());
		submitLogin(driver, username, password);
		new WebDriverWait(driver, PAGE_WAIT).until((d) -> d.getCurrentUrl().endsWith("/login?error"));
		return driver.findElement(By.tagName("main")).getText();
	}

	private static void submitLogin(WebDriver driver, String username, String password) {
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	private static void assertOnConsentPage(WebDriver driver) {
		new WebDriverWait(driver, PAGE_WAIT)
			.until((d) -> URI.create(d.getCurrentUrl()).getPath().equals("/oauth2/consent"));
		assertThat(driver.findElements(By.cssSelector("button[name=decision]"))).hasSize(2);
	}

	private static List<String> accountChoices(WebDriver driver) {
		return driver.findElements(By.cssSelector("input[type=checkbox][name=accountIds]"))
			.stream()
			.map((box) -> box.getDomAttribute("value"))
			.toList();
	}

	private static void chooseAccount(WebDriver driver, String accountId) {
		WebElement box = driver.findElement(By.cssSelector("input[name=accountIds][value='" + accountId + "']"));
		box.click();
		assertThat(box.isSelected()).isTrue();
	}

	private static void clickDecision(WebDriver driver, String decision) {
		driver.findElement(By.cssSelector("button[name=decision][value=" + decision + "]")).click();
	}

	/**
	 * Clicks the button; the partner's host never resolves, so Chrome's error page keeps
	 * the redirect URL.
	 */
	private static JWTClaimsSet decide(WebDriver driver, FapiTestClient partner, String decision) {
		clickDecision(driver, decision);
		new WebDriverWait(driver, PAGE_WAIT)
			.until((d) -> d.getCurrentUrl().startsWith(FapiTestClient.REDIRECT_URI + "?"));
		return jarm(partner, URI.create(driver.getCurrentUrl()));
	}

	/**
	 * Redeems the code; the resource ids of the token response's authorization_details.
	 */
	private static List<String> grantedAccounts(FapiTestClient partner, String code, CodeVerifier verifier)
			throws Exception {
		HTTPResponse token = partner.redeem(code, verifier);
		assertThat(token.getStatusCode()).as(token.getBody()).isEqualTo(200);
		List<?> details = (List<?>) token.getBodyAsJSONObject().get("authorization_details");
		assertThat(details).hasSize(1);
		Map<?, ?> consentRequest = (Map<?, ?>) ((Map<?, ?>) details.get(0)).get("consentRequest");
		return ((List<?>) consentRequest.get("resources")).stream()
			.map((resource) -> (String) ((Map<?, ?>) resource).get("resourceId"))
			.toList();
	}

	private static void screenshot(WebDriver driver, Path target) throws Exception {
		Dimension before = driver.manage().window().getSize();
		driver.manage().window().setSize(new Dimension(1024, 1300));
		File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		driver.manage().window().setSize(before);
	}

}
