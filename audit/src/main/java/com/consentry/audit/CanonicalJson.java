package com.consentry.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The canonical encoding the chain hashes: a JSON object, members sorted by name (UTF-16
 * code units, as RFC 8785 §3.2.3), no white space, values strings, integers, {@code null}
 * or nested objects of the same kind; strings escaped as RFC 8785 §3.2.2.2 (only
 * {@code "}, {@code \}, and control characters), the whole encoded in UTF-8.
 */
final class CanonicalJson {

	private CanonicalJson() {
	}

	static String encode(Map<String, ?> object) {
		StringBuilder json = new StringBuilder(256);
		write(json, object);
		return json.toString();
	}

	static String sha256(String canonical) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static void write(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Long || value instanceof Integer) {
			json.append(value);
		}
		else if (value instanceof Raw raw) {
			json.append(raw.json());
		}
		else if (value instanceof String string) {
			writeString(json, string);
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> member : new TreeMap<>(map).entrySet()) {
				if (!first) {
					json.append(',');
				}
				first = false;
				writeString(json, (String) member.getKey());
				json.append(':');
				write(json, member.getValue());
			}
			json.append('}');
		}
		else {
			throw new IllegalArgumentException("Not canonically encodable: " + value.getClass().getName());
		}
	}

	/**
	 * Decodes a flat object of string members, as {@link #encode} writes the details.
	 * @param json the encoded object
	 * @return its members
	 */
	static Map<String, String> decodeFlat(String json) {
		Map<String, String> members = new TreeMap<>();
		int[] at = { skip(json, 0, '{') };
		if (json.charAt(at[0]) == '}') {
			return members;
		}
		while (true) {
			String name = readString(json, at);
			at[0] = skip(json, at[0], ':');
			members.put(name, readString(json, at));
			char next = json.charAt(at[0]++);
			if (next == '}') {
				return members;
			}
			if (next != ',') {
				throw new IllegalArgumentException("Not a flat JSON object of strings");
			}
		}
	}

	private static int skip(String json, int at, char expected) {
		if (json.charAt(at) != expected) {
			throw new IllegalArgumentException("Expected " + expected + " at " + at);
		}
		return at + 1;
	}

	private static String readString(String json, int[] at) {
		int i = skip(json, at[0], '"');
		StringBuilder value = new StringBuilder();
		while (json.charAt(i) != '"') {
			char c = json.charAt(i++);
			if (c == '\\') {
				char escaped = json.charAt(i++);
				switch (escaped) {
					case 'b' -> value.append('\b');
					case 'f' -> value.append('\f');
					case 'n' -> value.append('\n');
					case 'r' -> value.append('\r');
					case 't' -> value.append('\t');
					case 'u' -> {
						value.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
						i += 4;
					}
					default -> value.append(escaped);
				}
			}
			else {
				value.append(c);
			}
		}
		at[0] = i + 1;
		return value.toString();
	}

	/** JSON already in canonical form, embedded as it is. */
	record Raw(String json) {
	}

	private static void writeString(StringBuilder json, String string) {
		json.append('"');
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
