package com.consentry.gateway.tokenization;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tokenized account numbers ({@code consentry.gateway.tokenization.*}).
 *
 * @param format {@code opaque} (the default) or {@code format-preserving}, for partners
 * and payment systems that check an account number's shape
 * @param intakeCredentials the bank's payment systems allowed to detokenize: each by name
 * (what the audit trail records), with the SHA-256 (hex) of the bearer credential it
 * presents; none configured, none is answered
 */
@ConfigurationProperties("consentry.gateway.tokenization")
public record TokenizationProperties(@DefaultValue("opaque") String format,
		@Nullable Map<String, String> intakeCredentials) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	public TokenizationProperties {
		TokenFormat.of(format);
		intakeCredentials = (intakeCredentials != null) ? Map.copyOf(intakeCredentials) : Map.of();
		intakeCredentials.forEach((name, hash) -> {
			if (!NAME.matcher(name).matches() || !SHA256_HEX.matcher(hash).matches()) {
				throw new IllegalArgumentException("consentry.gateway.tokenization.intake-credentials." + name
						+ " must be a lower-case name with the SHA-256 (64 hex digits) of its credential");
			}
		});
	}

	TokenFormat tokenFormat() {
		return TokenFormat.of(this.format);
	}

	/** The intake credentials' hashes as bytes, by name. */
	Map<String, byte[]> credentialHashes() {
		Map<String, byte[]> out = new HashMap<>();
		this.intakeCredentials.forEach((name, hash) -> out.put(name, HexFormat.of().parseHex(hash)));
		return out;
	}

}
