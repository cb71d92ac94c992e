package com.consentry.gateway.tokenization;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives account tokens. A token is an HMAC-SHA-256 of partner, consent, account and an
 * attempt number under a key derived from the gateway's secret: it depends on the real
 * number only for its shape (length, which characters are digits, the Luhn check), so no
 * key and no number of tokens gives the number back; only the bank's vault
 * ({@link AccountTokens}) maps a token to its account. The same inputs always give the
 * same token, on every instance; another partner or consent gives another token; the
 * attempt number moves on past a token that is taken (collision) or dead.
 */
final class TokenScheme {

	private static final int OPAQUE_BYTES = 24;

	private final SecretKeySpec tokenKey;

	private final SecretKeySpec digestKey;

	/**
	 * @param secret the gateway's secret (at least 32 bytes)
	 */
	TokenScheme(byte[] secret) {
		// keys of their own, so that neither nonces nor pseudonyms share a key with
		// tokens
		this.tokenKey = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"),
				"consentry account-token key v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
		this.digestKey = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"),
				"consentry account-token digest v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
	}

	/**
	 * The token for one partner, consent and account. Never equal to
	 * {@code accountNumber}.
	 * @param accountNumber the real number, for the shape of a format-preserving token
	 * @param attempt 0 for the first token of this partner, consent and account; higher
	 * after a collision or a revocation
	 */
	String token(TokenFormat format, String clientId, String consentId, String accountId, String accountNumber,
			int attempt) {
		if (format == TokenFormat.OPAQUE || !hasShape(accountNumber)) {
			byte[] mac = hmac(this.tokenKey, input("opaque", clientId, consentId, accountId, attempt, 0));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, OPAQUE_BYTES));
		}
		for (int round = 0;; round++) {
			String token = shaped(accountNumber,
					new Stream(input("shaped", clientId, consentId, accountId, attempt, round)));
			if (!token.equals(accountNumber)) {
				return token;
			}
		}
	}

	/**
	 * What the vault keeps of a token: an HMAC, so a copy of the table yields no token.
	 */
	byte[] digest(String token) {
		return hmac(this.digestKey, token.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether a number passes the Luhn (mod 10) check, as card and many account numbers
	 * do.
	 */
	static boolean passesLuhn(String digits) {
		if (digits.length() < 2 || !digits.chars().allMatch(Character::isDigit)) {
			return false;
		}
		return luhnSum(digits, 0) % 10 == 0;
	}

	private static boolean hasShape(String accountNumber) {
		return accountNumber.chars().anyMatch((c) -> isAsciiDigit(c) || isAsciiLetter(c));
	}

	private String shaped(String accountNumber, Stream random) {
		StringBuilder token = new StringBuilder(accountNumber.length());
		for (int i = 0; i < accountNumber.length(); i++) {
			char c = accountNumber.charAt(i);
			if (isAsciiDigit(c)) {
				token.append((char) ('0' + random.below(10)));
			}
			else if (c >= 'A' && c <= 'Z') {
				token.append((char) ('A' + random.below(26)));
			}
			else if (c >= 'a' && c <= 'z') {
				token.append((char) ('a' + random.below(26)));
			}
			else {
				token.append(c);
			}
		}
		if (passesLuhn(accountNumber)) {
			// the last digit becomes the check digit, as the real number's is
			int sum = luhnSum(token.substring(0, token.length() - 1), 1);
			token.setCharAt(token.length() - 1, (char) ('0' + (10 - sum % 10) % 10));
		}
		return token.toString();
	}

	// Luhn's sum with the rightmost digit of `digits` at position `offset` from the
	// right (0: it is the check digit, 1: the check digit follows it)
	private static int luhnSum(String digits, int offset) {
		int sum = 0;
		for (int i = digits.length() - 1, position = offset; i >= 0; i--, position++) {
			int digit = digits.charAt(i) - '0';
			if (position % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum;
	}

	private static boolean isAsciiDigit(int c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isAsciiLetter(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}

	private static byte[] input(String kind, String clientId, String consentId, String accountId, int attempt,
			int round) {
		// length-prefixed, so that no two different inputs read the same
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String part : new String[] { kind, clientId, consentId, accountId }) {
			byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
			out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
			out.writeBytes(bytes);
		}
		out.writeBytes(ByteBuffer.allocate(8).putInt(attempt).putInt(round).array());
		return out.toByteArray();
	}

	private static byte[] hmac(SecretKeySpec key, byte[] input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Uniform choices from an HMAC counter stream (rejection sampling, no modulo bias).
	 */
	private final class Stream {

		private final byte[] seed;

		private byte[] block = new byte[0];

		private int next;

		private int counter;

		Stream(byte[] seed) {
			this.seed = seed;
		}

		int below(int bound) {
			int limit = 256 - (256 % bound);
			while (true) {
				if (this.next == this.block.length) {
					this.block = hmac(TokenScheme.this.tokenKey,
							ByteBuffer.allocate(this.seed.length + 4).put(this.seed).putInt(this.counter++).array());
					this.next = 0;
				}
				int value = this.block[this.next++] & 0xff;
				if (value < limit) {
					return value % bound;
				}
			}
		}

	}

}
