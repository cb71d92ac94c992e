package com.consentry.authz.metadata;

import com.consentry.authz.AuthorizationServerPart;
import com.consentry.registry.RegistryProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

/**
 * Both discovery documents (RFC 8414, OIDC Discovery), trimmed to what the server
 * enforces.
 */
@Component
final class MetadataPart implements AuthorizationServerPart {

	private final ServerMetadata metadata;

	MetadataPart(AuthorizationServerSettings settings, RegistryProperties registry,
			@Value("${consentry.mtls.endpoint-base-url:}") String mtlsBaseUrl) {
		this.metadata = new ServerMetadata(settings, registry.allowPlainResponses(), mtlsBaseUrl);
	}

	@Override
	public void configure(OAuth2AuthorizationServerConfigurer server) {
		server
			.authorizationServerMetadataEndpoint((endpoint) -> endpoint
				.authorizationServerMetadataCustomizer((builder) -> builder.claims(this.metadata)))
			.oidc((oidc) -> oidc.providerConfigurationEndpoint((endpoint) -> endpoint
				.providerConfigurationCustomizer((builder) -> builder.claims(this.metadata))));
	}

}
