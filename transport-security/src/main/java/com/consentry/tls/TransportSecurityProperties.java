package com.consentry.tls;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployables' transport settings ({@code consentry.tls.*}). The server's certificate
 * and key come from the Spring Boot SSL bundle named by {@code server.ssl.bundle}; the
 * protocol, cipher-suite and group policy is fixed ({@link FapiTlsPolicy}).
 *
 * @param hsts the {@code Strict-Transport-Security} header of every https response
 */
@ConfigurationProperties("consentry.tls")
public record TransportSecurityProperties(@DefaultValue Hsts hsts) {

	/**
	 * HSTS (RFC 6797), FAPI 2.0 SP §5.2.3(1).
	 *
	 * @param maxAge how long browsers keep to https for the host
	 * @param includeSubDomains whether the rule covers the host's subdomains
	 * @param preload whether to ask for the browsers' preload lists (only once the bank
	 * has decided so for the whole domain)
	 */
	public record Hsts(@DefaultValue("365d") Duration maxAge, @DefaultValue("true") boolean includeSubDomains,
			@DefaultValue("false") boolean preload) {

		String headerValue() {
			return "max-age=" + this.maxAge.toSeconds() + (this.includeSubDomains ? "; includeSubDomains" : "")
					+ (this.preload ? "; preload" : "");
		}

	}

}
