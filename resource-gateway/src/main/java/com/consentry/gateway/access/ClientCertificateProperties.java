package com.consentry.gateway.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Where the gateway finds the client certificate that certificate-bound tokens (RFC 8705
 * §3) must be presented with, under {@code consentry.gateway.client-certificate}. By
 * default only from the TLS connection the gateway terminates itself.
 *
 * @param header the request header in which a TLS-terminating proxy in front of the
 * gateway passes the certificate it verified, URL-encoded PEM (nginx's
 * {@code $ssl_client_escaped_cert}); unset: no header is read
 * @param trustedProxies the addresses of those proxies (IP literals, as the connection's
 * remote address reads); the header is read only on their connections and ignored on any
 * other (RFC 8705 §7.3: only a trusted hop may vouch for the certificate)
 */
@ConfigurationProperties("consentry.gateway.client-certificate")
public record ClientCertificateProperties(@Nullable String header, @DefaultValue List<String> trustedProxies) {

	public ClientCertificateProperties {
		Assert.notNull(trustedProxies, "trustedProxies cannot be null");
		header = (header == null || header.isBlank()) ? null : header.strip();
		trustedProxies = trustedProxies.stream().filter((address) -> !address.isBlank()).map(String::strip).toList();
		Assert.isTrue(header == null || !trustedProxies.isEmpty(),
				"consentry.gateway.client-certificate.header needs the trusted-proxies that set it");
	}

}
