package com.consentry.authz.consentapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The FDX consent API ({@code consentry.consent-api.*}).
 *
 * @param providerName the bank's name, shown as the {@code DATA_PROVIDER} party of every
 * consent grant
 */
@ConfigurationProperties("consentry.consent-api")
public record ConsentApiProperties(@DefaultValue("Consentry Bank") String providerName) {

	public ConsentApiProperties {
		Assert.hasText(providerName, "providerName cannot be empty");
	}

}
