package com.consentry.authz.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Signing keys are sealed with AES-256-GCM before they are stored: what comes out of the
 * database opens only with the key it was sealed with, unchanged, in its own row.
 */
class KeySealerTests {

	private static final String KID = "key-2026-12";

	private static final String PRIVATE_JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"d\":\"secret\"}";

	private final KeySealer sealer = new KeySealer(newKey());

	@Test
	@DisplayName("NIST SP 800-38D: a sealed key opens to what was sealed, and two seals of it differ (a fresh IV each)")
	void roundTrip() {
		byte[] sealed = this.sealer.seal(KID, PRIVATE_JWK);
		assertThat(this.sealer.open(KID, sealed)).isEqualTo(PRIVATE_JWK);
		assertThat(this.sealer.seal(KID, PRIVATE_JWK)).isNotEqualTo(sealed);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
	}

	@Test
	@DisplayName("NIST SP 800-38D: a key sealed under another encryption key is refused")
	void wrongKey() {
		byte[] sealed = new KeySealer(newKey()).seal(KID, PRIVATE_JWK);
		assertThatIllegalStateException().isThrownBy(() -> this.sealer.open(KID, sealed))
			.withMessageContaining("encryption-key");
	}

	@Test
	@DisplayName("NIST SP 800-38D: a sealed key moved to another row (another kid, the associated data) is refused")
	void anotherRow() {
		byte[] sealed = this.sealer.seal(KID, PRIVATE_JWK);
		assertThatIllegalStateException().isThrownBy(() -> this.sealer.open("another-kid", sealed));
	}

	static Stream<Arguments> damaged() {
		return Stream.of(damage("a flipped IV byte", (b) -> flip(b, 0)),
				damage("a flipped ciphertext byte", (b) -> flip(b, 13)),
				damage("a flipped tag byte", (b) -> flip(b, b.length - 1)),
				damage("the tag cut off", (b) -> Arrays.copyOf(b, b.length - 16)),
				damage("cut to less than an IV", (b) -> Arrays.copyOf(b, 5)), damage("empty", (b) -> new byte[0]));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("damaged")
	@DisplayName("NIST SP 800-38D: a damaged or truncated sealed key is refused, never opened to garbage")
	void damagedIsRefused(String why, UnaryOperator<byte[]> damage) {
		byte[] sealed = damage.apply(this.sealer.seal(KID, PRIVATE_JWK));
		assertThatIllegalStateException().isThrownBy(() -> this.sealer.open(KID, sealed));
	}

	@ParameterizedTest
	@ValueSource(ints = { 16, 24, 31, 33 })
	@DisplayName("NIST SP 800-38D: an encryption key of other than 32 bytes (AES-256) is refused at start")
	void keyLength(int length) {
		String key = Base64.getEncoder().encodeToString(new byte[length]);
		assertThatIllegalArgumentException().isThrownBy(() -> new KeySealer(key))
			.withMessageContaining("must decode to 32 bytes");
	}

	@Test
	@DisplayName("NIST SP 800-38D: a missing or non-base64 encryption key is refused at start")
	void keyFormat() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeySealer(" ")).withMessageContaining("must be set");
		assertThatIllegalArgumentException().isThrownBy(() -> new KeySealer("not base64!"))
			.withMessageContaining("not valid base64");
	}

	private static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static byte[] flip(byte[] sealed, int index) {
		byte[] copy = sealed.clone();
		copy[index] ^= 0x01;
		return copy;
	}

	private static Arguments damage(String why, UnaryOperator<byte[]> damage) {
		return Arguments.of(why, damage);
	}

}
