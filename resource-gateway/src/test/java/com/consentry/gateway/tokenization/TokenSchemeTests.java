package com.consentry.gateway.tokenization;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenSchemeTests {

	private static final String NUMBER = "021000021000123401";

	private final TokenScheme scheme = new TokenScheme(
			"a-bank-secret-of-at-least-32-bytes-length".getBytes(java.nio.charset.StandardCharsets.UTF_8));

	@Test
	@DisplayName("FDX §3 payment networks, format-preserving: the token keeps length and digits, and is not the real number")
	void formatPreservingKeepsTheShape() {
		for (int attempt = 0; attempt < 50; attempt++) {
			String token = this.scheme.token(TokenFormat.FORMAT_PRESERVING, "client-a", "consent-1", "acc-1", NUMBER,
					attempt);
			assertThat(token).hasSize(NUMBER.length()).matches("[0-9]+").isNotEqualTo(NUMBER);
		}
		String shaped = this.scheme.token(TokenFormat.FORMAT_PRESERVING, "client-a", "consent-1", "acc-1",
				"GB-12ab-3456", 0);
		assertThat(shaped).matches("[A-Z]{2}-[0-9]{2}[a-z]{2}-[0-9]{4}");
	}

	@Test
	@DisplayName("FDX §3 payment networks: the same account gives different tokens to different partners and consents")
	void differsPerPartnerAndConsent() {
		Set<String> tokens = new HashSet<>();
		for (TokenFormat format : TokenFormat.values()) {
			tokens.add(this.scheme.token(format, "client-a", "consent-1", "acc-1", NUMBER, 0));
			tokens.add(this.scheme.token(format, "client-b", "consent-1", "acc-1", NUMBER, 0));
			tokens.add(this.scheme.token(format, "client-a", "consent-2", "acc-1", NUMBER, 0));
			tokens.add(this.scheme.token(format, "client-a", "consent-1", "acc-1", NUMBER, 1));
		}
		assertThat(tokens).hasSize(8);
	}

	@Test
	@DisplayName("FDX §3 payment networks: deterministic per partner, consent and account, on every instance")
	void deterministic() {
		TokenScheme another = new TokenScheme(
				"a-bank-secret-of-at-least-32-bytes-length".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		for (TokenFormat format : TokenFormat.values()) {
			assertThat(another.token(format, "client-a", "consent-1", "acc-1", NUMBER, 0))
				.isEqualTo(this.scheme.token(format, "client-a", "consent-1", "acc-1", NUMBER, 0));
		}
		TokenScheme otherBank = new TokenScheme(
				"another-bank-secret-of-at-least-32-bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(otherBank.token(TokenFormat.OPAQUE, "client-a", "consent-1", "acc-1", NUMBER, 0))
			.isNotEqualTo(this.scheme.token(TokenFormat.OPAQUE, "client-a", "consent-1", "acc-1", NUMBER, 0));
	}

	@Test
	@DisplayName("FDX §3 payment networks: a number that passes the Luhn check gives tokens that pass it too")
	void luhnKept() {
		String luhn = "79927398713";
		assertThat(TokenScheme.passesLuhn(luhn)).isTrue();
		for (int attempt = 0; attempt < 50; attempt++) {
			String token = this.scheme.token(TokenFormat.FORMAT_PRESERVING, "client-a", "consent-1", "acc-1", luhn,
					attempt);
			assertThat(TokenScheme.passesLuhn(token)).as(token).isTrue();
			assertThat(token).hasSize(luhn.length()).isNotEqualTo(luhn);
		}
	}

	@Test
	@DisplayName("FDX §3 payment networks, opaque: 32 base64url characters, the number's shape not kept")
	void opaque() {
		String token = this.scheme.token(TokenFormat.OPAQUE, "client-a", "consent-1", "acc-1", NUMBER, 0);
		assertThat(token).matches("[A-Za-z0-9_-]{32}").doesNotContain(NUMBER);
	}

	@Test
	@DisplayName("the vault's digest of a token is keyed: another secret gives another digest")
	void digestIsKeyed() {
		TokenScheme otherBank = new TokenScheme(
				"another-bank-secret-of-at-least-32-bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(otherBank.digest("123")).isNotEqualTo(this.scheme.digest("123")).hasSize(32);
	}

	@Test
	@DisplayName("consentry.gateway.tokenization.format takes format-preserving or opaque only")
	void formatSetting() {
		assertThat(new TokenizationProperties("format-preserving", null).tokenFormat())
			.isEqualTo(TokenFormat.FORMAT_PRESERVING);
		assertThat(new TokenizationProperties("OPAQUE", null).tokenFormat()).isEqualTo(TokenFormat.OPAQUE);
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenizationProperties("reversible", null));
	}

}
