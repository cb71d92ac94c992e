package com.consentry.authz;

import java.time.Duration;
import java.util.List;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.HeadlessChromium;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI of the registration API in a real headless Chromium: rendered from the
 * server's own files (the test machine reaches no CDN), under the content security policy
 * the server sends.
 */
class RegistrationApiBrowserTests extends AuthorizationServerTest {

	@RegisterExtension
	static final HeadlessChromium browser = new HeadlessChromium();

	@Test
	@DisplayName("OpenAPI 3.1: Swagger UI renders the registration API's operations from the server's own files")
	void swaggerUiRendersTheRegistrationApi() {
		WebDriver driver = browser.driver();
		driver.get(ISSUER.resolve("/swagger-ui.html").toString());
		new WebDriverWait(driver, Duration.ofSeconds(20))
			.until((page) -> !page.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());

		assertThat(driver.findElement(By.cssSelector(".info .title")).getText())
			.contains("Consentry partner registration");
		List<String> operations = driver.findElements(By.cssSelector(".opblock-summary"))
			.stream()
			.map((operation) -> operation.getText().replaceAll("\\s+", " "))
			.toList();
		assertThat(operations).anySatisfy((operation) -> assertThat(operation).startsWith("POST /register"))
			.anySatisfy((operation) -> assertThat(operation).startsWith("GET /register/{clientId}"))
			.anySatisfy((operation) -> assertThat(operation).startsWith("PUT /register/{clientId}"))
			.anySatisfy((operation) -> assertThat(operation).startsWith("DELETE /register/{clientId}"));
		Object foreign = ((JavascriptExecutor) driver).executeScript(
				"return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(arguments[0]));",
				ISSUER.toString());
		assertThat((List<?>) foreign).as("resources from elsewhere than the server").isEmpty();
	}

}
