package com.consentry.registry.internal;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description of the registration API, served at {@value #PATH}: the
 * operations come from {@link RegistrationController}'s annotations, the shared schemas
 * (client information, error) from here, named as the controller's annotations refer to
 * them.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationApiDescription {

	static final String GROUP = "registration";

	static final String PATH = "/v3/api-docs/" + GROUP;

	static final String CLIENT_INFORMATION = "ClientInformation";

	static final String REGISTRATION_REQUEST = "RegistrationRequest";

	static final String ERROR = "RegistrationError";

	static final String REGISTRATION_ACCESS_TOKEN = "registrationAccessToken";

	@Bean
	GroupedOpenApi registrationApi() {
		return GroupedOpenApi.builder()
			.group(GROUP)
			.pathsToMatch("/register", "/register/**")
			.addOpenApiCustomizer(RegistrationApiDescription::describe)
			.build();
	}

	private static void describe(OpenAPI api) {
		api.info(new Info().title("Consentry partner registration")
			.version("1")
			.description("RFC 7591 dynamic client registration with a software statement signed by a directory "
					+ "the bank trusts, and RFC 7592 client configuration (read, update, delete) with the "
					+ "registration access token. Security-relevant metadata (keys, redirect URIs, response "
					+ "modes, scope, notification_uri) is taken from the signed statement only."));
		Components components = (api.getComponents() != null) ? api.getComponents() : new Components();
		components.addSecuritySchemes(REGISTRATION_ACCESS_TOKEN,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("The registration_access_token of the registration response (RFC 7592 §1); "
							+ "every update replaces it."));
		components.addSchemas(REGISTRATION_REQUEST, registrationRequest());
		components.addSchemas(CLIENT_INFORMATION, clientInformation());
		components.addSchemas(ERROR, error());
		api.components(components);
	}

	private static Schema<?> registrationRequest() {
		return new ObjectSchema()
			.description("RFC 7591 §3.1 client metadata; only the software statement is required, and its "
					+ "values win. An update (RFC 7592 §2.2) also carries the client's own client_id.")
			.addProperty("software_statement",
					new StringSchema().description("JWT signed (ES256 or PS256) by a trusted directory key"))
			.addProperty("client_id", new StringSchema().description("RFC 7592 §2.2: the client's own, on updates"))
			.addProperty("client_name", new StringSchema())
			.required(List.of("software_statement"));
	}

	private static Schema<?> clientInformation() {
		ObjectSchema schema = new ObjectSchema();
		schema.description("RFC 7591 §3.2.1 client information: the effective metadata, the organisation, the "
				+ "partner's status with the bank and the registration access token (on registration and update).");
		Map<String, Schema<?>> properties = new java.util.LinkedHashMap<>();
		properties.put("client_id", new StringSchema());
		properties.put("client_id_issued_at", new IntegerSchema().description("seconds since the epoch"));
		properties.put("client_name", new StringSchema());
		properties.put("redirect_uris", new ArraySchema().items(new StringSchema().format("uri")));
		properties.put("grant_types", new ArraySchema().items(new StringSchema()));
		properties.put("response_types", new ArraySchema().items(new StringSchema()));
		properties.put("token_endpoint_auth_method", new StringSchema()._enum(List.of("private_key_jwt")));
		properties.put("token_endpoint_auth_signing_alg", new StringSchema()._enum(List.of("ES256", "PS256")));
		properties.put("jwks", new ObjectSchema().description("the client's public keys (or jwks_uri)"));
		properties.put("jwks_uri", new StringSchema().format("uri"));
		properties.put("scope", new StringSchema());
		properties.put("dpop_bound_access_tokens", new BooleanSchema());
		properties.put("authorization_signed_response_alg", new StringSchema());
		properties.put("response_modes", new ArraySchema().items(new StringSchema()));
		properties.put("software_id", new StringSchema());
		properties.put("software_version", new StringSchema());
		properties.put("notification_uri", new StringSchema().format("uri"));
		properties.put("org_id", new StringSchema());
		properties.put("org_name", new StringSchema());
		properties.put("software_statement", new StringSchema());
		properties.put("status", new StringSchema()._enum(List.of("PENDING", "ACTIVE", "SUSPENDED"))
			.description("the partner organisation's standing with the bank; only ACTIVE partners obtain tokens"));
		properties.put("registration_access_token",
				new StringSchema().description("on registration and after each update only: keep it"));
		properties.put("registration_client_uri", new StringSchema().format("uri"));
		properties.forEach(schema::addProperty);
		schema.required(List.of("client_id", "client_id_issued_at", "client_name", "redirect_uris", "grant_types",
				"response_types", "token_endpoint_auth_method", "token_endpoint_auth_signing_alg", "scope",
				"dpop_bound_access_tokens", "response_modes", "org_id", "org_name", "software_statement", "status",
				"registration_client_uri"));
		return schema;
	}

	private static Schema<?> error() {
		return new ObjectSchema().description("RFC 7591 §3.2.2 error response")
			.addProperty("error",
					new StringSchema()._enum(List.of("invalid_redirect_uri", "invalid_client_metadata",
							"invalid_software_statement", "unapproved_software_statement")))
			.addProperty("error_description", new StringSchema())
			.required(List.of("error", "error_description"));
	}

}
