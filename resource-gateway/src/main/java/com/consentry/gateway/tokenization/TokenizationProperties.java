package com.consentry.gateway.tokenization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tokenized account numbers ({@code consentry.gateway.tokenization.*}).
 *
 * @param format {@code opaque} (the default) or {@code format-preserving}, for partners
 * and payment systems that check an account number's shape
 */
@ConfigurationProperties("consentry.gateway.tokenization")
public record TokenizationProperties(@DefaultValue("opaque") String format) {

	public TokenizationProperties {
		TokenFormat.of(format);
	}

	TokenFormat tokenFormat() {
		return TokenFormat.of(this.format);
	}

}
