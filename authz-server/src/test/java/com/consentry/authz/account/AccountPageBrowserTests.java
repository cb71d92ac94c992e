package com.consentry.authz.account;

import java.net.URI;
import java.time.Duration;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.HeadlessChromium;
import com.consentry.authz.support.Tokens;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentStatus;
import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.Consents;
import com.consentry.consent.PartyType;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's consents page in a real headless Chromium on a phone-sized screen: alice
 * sees the consent she granted, opens it, confirms, and the partner's tokens stop at
 * once; bob never sees alice's consents.
 *
 * @see AccountPageController
 */
class AccountPageBrowserTests extends AuthorizationServerTest {

	@RegisterExtension
	static final HeadlessChromium browser = new HeadlessChromium();

	private static final Duration PAGE_WAIT = Duration.ofSeconds(15);

	@Autowired
	Consents consents;

	@Test
	@DisplayName("CFPB 1033.331(e), FDX §1.2: alice signs in at /account, sees her consent in plain words, revokes it after a confirmation; the partner's next refresh fails and the consent stays visible as history")
	void aliceRevokesHerConsentAndThePartnerLosesAccess() {
		FapiTestClient partner = newPartner();
		Tokens tokens = Tokens.obtain(partner);
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(375, 740));

		signIn(driver, "alice", "alice-demo-pass");
		waitForPath(driver, "/account");
		assertThat(driver.getTitle()).isEqualTo("Apps using your bank data");
		WebElement summary = consentSummary(driver, tokens.consentId());
		assertThat(summary.getText()).contains("Active")
			.contains("Detailed account information")
			.contains("Transactions")
			.contains("ending ...3401")
			.contains("Granted")
			.contains("Valid until")
			.doesNotContain("ACCOUNT_DETAILED", "021000021000123401");
		assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
			.as("nothing wider than a phone screen")
			.isLessThanOrEqualTo(0);

		summary.findElement(By.cssSelector("a[data-consent-id]")).click();
		waitForPath(driver, "/account/consents/" + tokens.consentId());
		driver.findElement(By.linkText("Stop sharing…")).click();
		waitForPath(driver, "/account/consents/" + tokens.consentId() + "/revoke");
		String confirmation = driver.findElement(By.tagName("main")).getText();
		assertThat(confirmation).contains("Stop sharing with Test Fintech Ltd?")
			.contains("It will no longer see")
			.contains("Transactions")
			.contains("loses access at once");
		driver.findElement(By.cssSelector("form button[type=submit]")).click();

		waitForPath(driver, "/account");
		assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Sharing stopped");
		WebElement history = driver.findElement(By.id("history-heading")).findElement(By.xpath(".."));
		assertThat(history.findElements(By.cssSelector("a[data-consent-id='" + tokens.consentId() + "']"))).hasSize(1);
		assertThat(consentSummary(driver, tokens.consentId()).getText()).contains("Stopped").contains("Ended");

		HTTPResponse refresh = partner.refresh(tokens.refreshToken());
		assertThat(refresh.getStatusCode()).isEqualTo(400);
		assertThat(refresh.getBody()).contains("invalid_grant");
		assertThat(introspect(gateway(), tokens.accessToken()).get("active")).isEqualTo(false);
		assertThat(this.consents.revocation(new ConsentId(tokens.consentId()))).hasValueSatisfying((revocation) -> {
			assertThat(revocation.reason()).isEqualTo(ConsentUpdateReason.USER_ACTION);
			assertThat(revocation.initiator()).isEqualTo(PartyType.INDIVIDUAL);
		});
	}

	@Test
	@DisplayName("DESIGN contract: bob's /account never shows alice's consents, and opening one of them is a 404 page")
	void bobNeverSeesAlicesConsents() {
		FapiTestClient partner = newPartner();
		Tokens alice = Tokens.obtain(partner);
		WebDriver driver = browser.driver();

		signIn(driver, "bob", "bob-demo-pass");
		waitForPath(driver, "/account");
		assertThat(driver.getPageSource()).doesNotContain(alice.consentId()).doesNotContain("acc-alice");

		driver.get(ISSUER.resolve("/account/consents/" + alice.consentId()).toString());
		assertThat(driver.getTitle()).isEqualTo("Something went wrong");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		driver.get(ISSUER.resolve("/account/consents/" + alice.consentId() + "/revoke").toString());
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		assertThat(this.consents.find(new ConsentId(alice.consentId())).orElseThrow().status())
			.isEqualTo(ConsentStatus.ACTIVE);
	}

	private static void signIn(WebDriver driver, String username, String password) {
		driver.get(ISSUER.resolve("/account").toString());
		waitForPath(driver, "/login");
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	private static WebElement consentSummary(WebDriver driver, String consentId) {
		return driver.findElement(By.cssSelector("a[data-consent-id='" + consentId + "']"))
			.findElement(By.xpath("ancestor::li[contains(@class,'consent')]"));
	}

	private static void waitForPath(WebDriver driver, String path) {
		new WebDriverWait(driver, PAGE_WAIT).until((d) -> URI.create(d.getCurrentUrl()).getPath().equals(path));
	}

}
