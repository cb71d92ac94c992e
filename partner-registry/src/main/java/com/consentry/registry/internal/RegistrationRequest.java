package com.consentry.registry.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * The body of a registration request: a JSON object of client metadata (RFC 7591 §2) that
 * carries a {@code software_statement} (§2.3), read strictly and within
 * {@link #MAX_BYTES}.
 *
 * @param members the body's members, {@code software_statement} included
 * @param softwareStatement the compact software statement JWT
 */
public record RegistrationRequest(Map<String, Object> members, String softwareStatement) {

	/**
	 * Largest body read; a registration with a statement and an inline JWKS is a few
	 * kilobytes.
	 */
	public static final int MAX_BYTES = 64 * 1024;

	public RegistrationRequest {
		Assert.notNull(members, "members cannot be null");
		Assert.hasText(softwareStatement, "softwareStatement cannot be empty");
		members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
	}

	/**
	 * Refuses a request body that is not declared {@code application/json} (RFC 7591
	 * §3.1, RFC 7592 §2.2).
	 * @throws RegistrationException {@code invalid_client_metadata}
	 */
	public static void requireJson(@Nullable String contentType) {
		if (!isJson(contentType)) {
			throw metadata("the request body must be application/json");
		}
	}

	/**
	 * Reads a request body of at most {@link #MAX_BYTES} bytes (the caller reads at most
	 * one byte more).
	 * @throws RegistrationException {@code invalid_client_metadata} when the body is too
	 * large or not a UTF-8 JSON object; {@code invalid_software_statement} when it
	 * carries no software statement
	 */
	public static RegistrationRequest parse(byte[] body) {
		Assert.notNull(body, "body cannot be null");
		if (body.length > MAX_BYTES) {
			throw metadata("the request body is larger than " + MAX_BYTES + " bytes");
		}
		String json;
		try {
			json = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw metadata("the request body must be UTF-8 JSON");
		}
		// Nimbus's parser would read a top-level array as a list of map entries: demand
		// an object.
		if (!json.strip().startsWith("{")) {
			throw metadata("the request body must be a JSON object");
		}
		Map<String, Object> members;
		try {
			members = JSONObjectUtils.parse(json, MAX_BYTES);
		}
		catch (ParseException | RuntimeException ex) {
			throw new RegistrationException(RegistrationError.INVALID_CLIENT_METADATA,
					"the request body must be a JSON object", ex);
		}
		Object statement = members.get(MetadataNames.SOFTWARE_STATEMENT);
		if (statement == null) {
			// The statement is the credential here: there is no initial access token (RFC
			// 7591 §3).
			throw new RegistrationException(RegistrationError.INVALID_SOFTWARE_STATEMENT,
					"software_statement is required");
		}
		if (!(statement instanceof String serialized) || serialized.isBlank()) {
			throw new RegistrationException(RegistrationError.INVALID_SOFTWARE_STATEMENT,
					"software_statement must be a JWT string");
		}
		return new RegistrationRequest(members, serialized);
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static RegistrationException metadata(String description) {
		return new RegistrationException(RegistrationError.INVALID_CLIENT_METADATA, description);
	}

}
