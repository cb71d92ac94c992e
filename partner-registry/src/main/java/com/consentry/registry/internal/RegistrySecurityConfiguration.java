package com.consentry.registry.internal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The security filter chain of the registration endpoints, their public OpenAPI
 * description and its Swagger UI: no CSRF (no cookies, no browser forms), no session, no
 * login; every request reaches the endpoint, which authenticates itself (the software
 * statement on {@code POST}, the RFC 7592 registration access token on the others). Built
 * from spring-security-web filters directly, so the module needs no {@code HttpSecurity}:
 * the chain has the security headers and nothing that would create a session or demand a
 * login.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
final class RegistrySecurityConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain registrySecurityFilterChain() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		HeaderWriterFilter headers = new HeaderWriterFilter(
				List.of(new XContentTypeOptionsHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
						new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
						// Swagger UI: its own files only; it sets styles and SVG images
						// inline.
						new ContentSecurityPolicyHeaderWriter("default-src 'self'; img-src 'self' data:; "
								+ "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'; "
								+ "base-uri 'none'; object-src 'none'")));
		return new DefaultSecurityFilterChain(
				new OrRequestMatcher(paths.matcher("/register"), paths.matcher("/register/**"),
						paths.matcher(RegistrationApiDescription.PATH), paths.matcher("/v3/api-docs/swagger-config"),
						paths.matcher("/swagger-ui.html"), paths.matcher("/swagger-ui/**")),
				new DisableEncodeUrlFilter(), headers);
	}

}
