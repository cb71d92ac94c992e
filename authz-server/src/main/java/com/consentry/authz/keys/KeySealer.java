package com.consentry.authz.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.Assert;

/**
 * Seals private keys for storage with AES-256-GCM (random 96-bit IV, the key id as
 * associated data so a sealed key cannot be moved to another row).
 */
final class KeySealer {

	private static final int IV_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	KeySealer(String base64Key) {
		Assert.hasText(base64Key, "consentry.keys.encryption-key must be set (base64 of 32 random bytes)");
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("consentry.keys.encryption-key is not valid base64");
		}
		Assert.isTrue(raw.length == 32, "consentry.keys.encryption-key must decode to 32 bytes");
		this.key = new SecretKeySpec(raw, "AES");
	}

	byte[] seal(String kid, String plaintext) {
		try {
			byte[] iv = new byte[IV_LENGTH];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(IV_LENGTH + sealed.length).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Sealing a signing key failed", ex);
		}
	}

	String open(String kid, byte[] sealed) {
		// shorter than an IV and a tag: not a sealed key (the cipher would fail with a
		// bare argument error)
		if (sealed.length < IV_LENGTH + TAG_BITS / Byte.SIZE) {
			throw new IllegalStateException("Signing key " + kid + " cannot be opened: the sealed value is truncated");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_LENGTH));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(sealed, IV_LENGTH, sealed.length - IV_LENGTH);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing key " + kid
					+ " cannot be opened: is consentry.keys.encryption-key the one it was sealed with?", ex);
		}
	}

}
