package com.consentry.authz.consentapi;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The FDX consent API ({@code consentry.consent-api.*}).
 *
 * @param providerName the bank's name, shown as the {@code DATA_PROVIDER} party of every
 * consent grant
 * @param publicBaseUrls other base URLs partners address the API at (the resource gateway
 * that routes it): a DPoP proof's {@code htu} may name one of these instead of the issuer
 */
@ConfigurationProperties("consentry.consent-api")
public record ConsentApiProperties(@DefaultValue("Consentry Bank") String providerName,
		@DefaultValue List<URI> publicBaseUrls) {

	public ConsentApiProperties {
		Assert.hasText(providerName, "providerName cannot be empty");
	}

}
