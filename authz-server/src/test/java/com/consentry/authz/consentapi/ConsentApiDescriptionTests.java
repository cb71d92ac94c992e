package com.consentry.authz.consentapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.consentry.authz.support.AuthorizationServerTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description served for the consent API names exactly the operations the
 * server maps.
 */
class ConsentApiDescriptionTests extends AuthorizationServerTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	@DisplayName("FDX §1.3, OpenAPI 3.1: the description is served without sign-in and lists exactly the consent API's methods and paths")
	void descriptionWhenFetchedThenMatchesMappedEndpoints() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(ISSUER.resolve(ConsentApiSecurityConfiguration.OPENAPI_PATH)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> document = new Yaml().load(response.body());
		assertThat(document.get("openapi")).isEqualTo("3.1.0");

		Set<String> described = new TreeSet<>();
		((Map<?, ?>) document.get("paths")).forEach((path, operations) -> ((Map<?, ?>) operations).keySet()
			.stream()
			.filter((key) -> !"parameters".equals(key))
			.forEach((method) -> described.add(((String) method).toUpperCase(Locale.ROOT) + " " + path)));

		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			info.getPatternValues()
				.stream()
				.filter((pattern) -> pattern.startsWith("/fdx/v6/consents"))
				.forEach((pattern) -> info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> mapped.add(method.name() + " " + pattern)));
		}
		assertThat(mapped).isNotEmpty();
		assertThat(described).isEqualTo(mapped);
	}

	@Test
	@DisplayName("FDX §1.3: the description's paths are the ones of the public contract")
	void descriptionWhenReadThenContractPaths() {
		assertThat(URI.create(ConsentApiController.CONSENT.replace("{consentId}", "x")).getPath())
			.isEqualTo("/fdx/v6/consents/x");
		assertThat(ConsentApiController.REVOCATION).isEqualTo("/fdx/v6/consents/{consentId}/revocation");
	}

}
