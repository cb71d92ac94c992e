package com.consentry.authz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.TestDirectory;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI 3.1 description of the registration API, served by the app, against what
 * the server does: the documented operations are exactly the mapped ones, and real
 * responses have a documented status and the documented shape.
 */
class RegistrationApiDescriptionTests extends AuthorizationServerTest {

	private static final String PATH = "/v3/api-docs/registration";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Map<String, Object> document;

	@BeforeEach
	void fetchDescription() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(ISSUER.resolve(PATH)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		this.document = JSONObjectUtils.parse(response.body());
	}

	@Test
	@DisplayName("OpenAPI 3.1: the registration API description is served without sign-in and lists exactly the mapped methods and paths")
	void describesExactlyTheMappedOperations() {
		assertThat((String) this.document.get("openapi")).startsWith("3.1");
		Set<String> described = new TreeSet<>();
		map(this.document, "paths").forEach((path, operations) -> ((Map<?, ?>) operations).keySet()
			.stream()
			.filter((key) -> !"parameters".equals(key))
			.forEach((method) -> described.add(((String) method).toUpperCase(Locale.ROOT) + " " + path)));
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			info.getPatternValues()
				.stream()
				.filter((pattern) -> pattern.equals("/register") || pattern.startsWith("/register/"))
				.forEach((pattern) -> info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> mapped.add(method.name() + " " + pattern)));
		}
		assertThat(mapped).hasSize(4);
		assertThat(described).isEqualTo(mapped);
	}

	@Test
	@DisplayName("OpenAPI 3.1: real registration, read, update, refusal and delete answers have documented statuses and the documented schemas")
	void realResponsesMatchTheDescription() throws Exception {
		Map<String, Object> metadata = new HashMap<>(
				FapiTestClient.statementMetadata(FapiTestClient.newKey("described-client")));
		String statement = TestDirectory.shared().sign(metadata).serialize();

		HttpResponse<String> registered = send("POST", "/register", null,
				JSONObjectUtils.toJSONString(Map.of("software_statement", statement)));
		Map<String, Object> client = assertDocumented("/register", "post", registered);
		String clientId = (String) client.get("client_id");
		String token = (String) client.get("registration_access_token");
		String own = "/register/" + clientId;

		assertDocumented("/register", "post",
				send("POST", "/register", null, "{\"software_statement\":\"not-a-jwt\"}"));
		assertDocumented("/register/{clientId}", "get", send("GET", own, token, null));
		assertDocumented("/register/{clientId}", "get", send("GET", own, "wrong-token", null));
		Map<String, Object> updated = assertDocumented("/register/{clientId}", "put", send("PUT", own, token,
				JSONObjectUtils.toJSONString(Map.of("client_id", clientId, "software_statement", statement))));
		String rotated = (String) updated.get("registration_access_token");
		assertDocumented("/register/{clientId}", "put", send("PUT", own, rotated,
				JSONObjectUtils.toJSONString(Map.of("client_id", "someone-else", "software_statement", statement))));
		assertDocumented("/register/{clientId}", "put", send("PUT", own, token, "{}"));
		assertDocumented("/register/{clientId}", "delete", send("DELETE", own, rotated, null));
		assertDocumented("/register/{clientId}", "delete", send("DELETE", own, rotated, null));
	}

	/**
	 * Asserts the response's status is documented for the operation and its body has the
	 * documented schema: every required member, no undocumented member, each of its type.
	 * Returns the body's members.
	 */
	private Map<String, Object> assertDocumented(String path, String method, HttpResponse<String> response)
			throws Exception {
		Map<String, Object> responses = map(map(map(map(this.document, "paths"), path), method), "responses");
		String status = String.valueOf(response.statusCode());
		assertThat(responses).as(method + " " + path + " answered " + status + ": " + response.body())
			.containsKey(status);
		Map<String, Object> documented = map(responses, status);
		Object content = documented.get("content");
		if (content == null) {
			assertThat(response.body()).as(method + " " + path + " " + status + " has no documented body").isEmpty();
			return Map.of();
		}
		Map<String, Object> json = map(map(map(content), "application/json"), "schema");
		Map<String, Object> schema = resolve(json);
		Map<String, Object> body = JSONObjectUtils.parse(response.body());
		Map<String, Object> properties = map(schema, "properties");
		assertThat(body.keySet()).as("documented members of " + json.get("$ref")).isSubsetOf(properties.keySet());
		assertThat(body.keySet()).as("required members of " + json.get("$ref"))
			.containsAll(strings(schema.get("required")));
		body.forEach((name, value) -> assertThat(types(map(properties, name))).as(name + " = " + value)
			.contains(typeOf(value)));
		return body;
	}

	private Map<String, Object> resolve(Map<String, Object> schema) {
		Object ref = schema.get("$ref");
		if (ref == null) {
			return schema;
		}
		String name = ((String) ref).substring("#/components/schemas/".length());
		return map(map(map(this.document, "components"), "schemas"), name);
	}

	private static Collection<String> types(Map<String, Object> property) {
		Object type = property.get("type");
		return (type instanceof List<?> list) ? strings(list) : List.of(String.valueOf(type));
	}

	private static String typeOf(Object value) {
		if (value instanceof String) {
			return "string";
		}
		if (value instanceof Boolean) {
			return "boolean";
		}
		if (value instanceof Number number) {
			return (number.doubleValue() == Math.rint(number.doubleValue())) ? "integer" : "number";
		}
		return (value instanceof List) ? "array" : "object";
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ISSUER + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> map(Map<String, Object> parent, String name) {
		Object child = parent.get(name);
		assertThat(child).as(name + " in the description").isInstanceOf(Map.class);
		return map(child);
	}

	private static List<String> strings(Object value) {
		return (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

}
