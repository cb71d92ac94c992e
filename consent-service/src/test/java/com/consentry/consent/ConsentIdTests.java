package com.consentry.consent;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConsentId}.
 */
class ConsentIdTests {

	@Test
	@DisplayName("FDX §1.3: a new consent id is 128 random bits as 22 base64url characters, without padding")
	void generateWhenCalledThenTwentyTwoBase64UrlCharacters() {
		ConsentId id = ConsentId.generate();
		assertThat(id.value()).hasSize(22).matches("[A-Za-z0-9_-]{22}");
		assertThat(ConsentId.isWellFormed(id.value())).isTrue();
		assertThat(id).hasToString(id.value());
	}

	@Test
	@DisplayName("FDX §1.3: consent ids do not repeat")
	void generateWhenCalledRepeatedlyThenUnique() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			seen.add(ConsentId.generate().value());
		}
		assertThat(seen).hasSize(10_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abcdefghijklmnop", "ABCDEFGHIJKLMNOPQRSTUV", "a-b_c-d_e-f_g-h_0123",
			"0123456789012345678901234567890123456789012345678901234567890123" })
	@DisplayName("FDX §1.3: 16 to 64 base64url characters are a consent id")
	void isWellFormedWhenBase64UrlOfAllowedLengthThenTrue(String candidate) {
		assertThat(ConsentId.isWellFormed(candidate)).isTrue();
		assertThat(new ConsentId(candidate).value()).isEqualTo(candidate);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "abcdefghijklmno", "01234567890123456789012345678901234567890123456789012345678901234",
			"abcdefghijklmnop+", "abcdefghijklmnop/", "abcdefghijklmnop=", "abcdefgh ijklmnop", "abcdefgh.ijklmnop",
			"abcdefghijklmnop\n", "../../etc/passwd0000", "abcdefghijklmnopé", "' OR 1=1 --aaaaaaaaa" })
	@DisplayName("FDX §1.3: too short, too long, illegal characters and null are not consent ids")
	void isWellFormedWhenMalformedThenFalse(String candidate) {
		assertThat(ConsentId.isWellFormed(candidate)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new ConsentId(candidate));
	}

}
