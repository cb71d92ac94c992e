package com.consentry.gateway.tokenization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Which of the bank's payment systems calls: the one whose configured credential hash
 * ({@code consentry.gateway.tokenization.intake-credentials}) matches the SHA-256 of the
 * single {@code Authorization: Bearer} credential of the request. The management port's
 * network position is one fence; this is the second, so that no other process that can
 * reach the port maps tokens back.
 */
@Component
class IntakeCallers {

	private static final String BEARER = "Bearer ";

	private final Map<String, byte[]> credentials;

	IntakeCallers(TokenizationProperties properties) {
		this.credentials = properties.credentialHashes();
	}

	/**
	 * The caller's configured name, or empty when the request carries no known
	 * credential.
	 */
	Optional<String> authenticate(HttpServletRequest request) {
		Enumeration<String> headers = request.getHeaders("Authorization");
		if (headers == null || !headers.hasMoreElements()) {
			return Optional.empty();
		}
		String header = headers.nextElement();
		if (headers.hasMoreElements() || header == null || !header.startsWith(BEARER)
				|| header.length() == BEARER.length()) {
			return Optional.empty();
		}
		byte[] presented = sha256(header.substring(BEARER.length()));
		String caller = null;
		// every configured credential compared in constant time, whichever matches
		for (Map.Entry<String, byte[]> credential : this.credentials.entrySet()) {
			if (MessageDigest.isEqual(presented, credential.getValue())) {
				caller = credential.getKey();
			}
		}
		return Optional.ofNullable(caller);
	}

	private static byte[] sha256(String credential) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
